package io.registryguard.mfa;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The text form of a factor secret at rest: {@code v1.<kid>.<nonce>.<ciphertext+tag>}, nonce and
 * ciphertext in unpadded base64url. {@code v1} is AES-256-GCM with a 96-bit nonce, a 128-bit tag and
 * the account id as associated data; the kid names the ring key it was sealed with.
 */
record SealedSecret(String kid, byte[] nonce, byte[] ciphertext) {

    static final String VERSION = "v1";
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    static final Pattern KID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    static SealedSecret parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            throw new FactorDecryptionException(
                    "sealed factor secret is not in the " + VERSION + ".<kid>.<nonce>.<ciphertext> format");
        }
        if (!KID.matcher(parts[1]).matches()) {
            throw new FactorDecryptionException("sealed factor secret has a malformed key id");
        }
        byte[] nonce = decode(parts[2], "nonce");
        byte[] ciphertext = decode(parts[3], "ciphertext");
        if (nonce.length != NONCE_BYTES) {
            throw new FactorDecryptionException("sealed factor secret has a " + nonce.length
                    + "-byte nonce; " + VERSION + " uses " + NONCE_BYTES);
        }
        if (ciphertext.length < TAG_BYTES) {
            throw new FactorDecryptionException("sealed factor secret is too short to hold its authentication tag");
        }
        return new SealedSecret(parts[1], nonce, ciphertext);
    }

    String text() {
        return VERSION + "." + kid + "." + ENCODER.encodeToString(nonce) + "." + ENCODER.encodeToString(ciphertext);
    }

    private static byte[] decode(String part, String what) {
        try {
            return DECODER.decode(part);
        } catch (IllegalArgumentException e) {
            throw new FactorDecryptionException("sealed factor secret has a " + what + " that is not base64url");
        }
    }

    @Override
    public String toString() {
        return "SealedSecret[kid=" + kid + ", redacted]";
    }
}
