package io.registryguard.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A cookie value the gateway can trust without a store: {@code base64url(payload).base64url(HMAC-SHA-256)}, the
 * MAC compared in constant time. The key must be the same on every replica. The payload is readable by the
 * client: put nothing secret in it.
 */
public final class SignedValue {

    public static final int MIN_KEY_BYTES = 32;
    /** Anything longer is not ours. */
    static final int MAX_LENGTH = 2048;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** @throws IllegalArgumentException when the key is shorter than 32 bytes (the message never shows the key) */
    public SignedValue(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a signing key must be at least " + MIN_KEY_BYTES
                    + " bytes (base64 of 32 random bytes, e.g. `openssl rand -base64 32`)");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** A key for this process only: fine for one node, wrong for replicas. */
    public static byte[] randomKey() {
        byte[] key = new byte[MIN_KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** A random identifier, 128 bits, URL-safe. */
    public static String randomId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return B64.encodeToString(id);
    }

    public String sign(String payload) {
        return B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(mac(payload));
    }

    /** The payload when {@code value} is intact; empty for anything tampered, truncated or not ours. */
    public Optional<String> verify(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            String payload = new String(B64D.decode(value.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = B64D.decode(value.substring(dot + 1));
            return MessageDigest.isEqual(signature, mac(payload)) ? Optional.of(payload) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "SignedValue[HmacSHA256]";
    }
}
