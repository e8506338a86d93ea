package io.registryguard.mfa;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 TOTP with the parameters every authenticator app supports: HMAC-SHA-1, 30-second steps
 * counted from the Unix epoch, 6 digits.
 */
final class Totp {

    static final int DIGITS = 6;
    static final long STEP_SECONDS = 30;

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    static long step(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), STEP_SECONDS);
    }

    /** The code for one time step: RFC 4226 HOTP with the step as the counter. */
    static String code(byte[] key, long step, int digits) {
        if (digits < 1 || digits > 8) {
            throw new IllegalArgumentException("digits must be 1..8, not " + digits);
        }
        byte[] counter = new byte[8];
        for (int i = 7; i >= 0; i--) {
            counter[i] = (byte) (step >>> (8 * (7 - i)));
        }
        byte[] hash = hmacSha1(key, counter);
        // Dynamic truncation, RFC 4226 section 5.3.
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        String value = Integer.toString(binary % POWERS_OF_TEN[digits]);
        return "0".repeat(digits - value.length()) + value;
    }

    /** Compares without an early exit so the time taken says nothing about how many digits matched. */
    static boolean matches(byte[] key, long step, String candidate) {
        byte[] expected = code(key, step, DIGITS).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmacSha1(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            // Every Java runtime ships HmacSHA1; reaching here means a broken JRE.
            throw new IllegalStateException("HmacSHA1 is unavailable", e);
        }
    }
}
