package io.registryguard.login;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.ResponseCookie;

/**
 * OWASP "device cookies": after a successful login the browser gets a signed cookie naming the user and a device
 * id. An attempt that carries a valid one for the username it tries is charged to that device's budget, so an
 * attacker who burns the username's budget does not lock its owner out of a browser they already used.
 * The cookie is {@code __Host-}, {@code Secure}, {@code HttpOnly}, {@code SameSite=Strict}; its HMAC-SHA-256
 * key must be the same on every replica ({@code guard.device-cookie.key}).
 */
public final class DeviceCookies {

    public static final String COOKIE = "__Host-guard-device";
    static final int MIN_KEY_BYTES = 32;
    private static final String VERSION = "v1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final Duration maxAge;
    private final Clock clock;

    /**
     * @throws IllegalArgumentException when the key is shorter than 32 bytes (the message never shows the key)
     */
    public DeviceCookies(byte[] key, Duration maxAge, Clock clock) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the device cookie key must be at least " + MIN_KEY_BYTES
                    + " bytes (base64 of 32 random bytes, e.g. `openssl rand -base64 32`)");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** A key that lives as long as this process: fine for one node, wrong for replicas (their cookies differ). */
    public static byte[] randomKey() {
        byte[] key = new byte[MIN_KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** A new cookie for {@code username} (canonical form) on a new device id. */
    public ResponseCookie issue(String username) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String payload = VERSION + "|" + clock.instant().getEpochSecond() + "|" + B64.encodeToString(id) + "|" + username;
        String value = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(mac(payload));
        return ResponseCookie.from(COOKIE, value).path("/").secure(true).httpOnly(true).sameSite("Strict")
                .maxAge(maxAge).build();
    }

    /** The device id, when {@code value} is an intact, unexpired cookie issued for {@code username}. */
    public Optional<String> verify(String value, String username) {
        if (value == null || username == null || value.length() > 1024) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            String payload = new String(B64D.decode(value.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = B64D.decode(value.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                return Optional.empty();
            }
            String[] parts = payload.split("\\|", 4);
            if (parts.length != 4 || !parts[0].equals(VERSION) || !parts[3].equals(username)) {
                return Optional.empty();
            }
            Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            Instant now = clock.instant();
            if (issued.isAfter(now.plusSeconds(60)) || issued.plus(maxAge).isBefore(now)) {
                return Optional.empty();
            }
            return Optional.of(parts[2]);
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
        return "DeviceCookies[maxAge=" + maxAge + "]";
    }
}
