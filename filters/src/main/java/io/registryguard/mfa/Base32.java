package io.registryguard.mfa;

import java.util.Locale;

/**
 * RFC 4648 base32 (section 6 alphabet) without padding: the form authenticator apps take a TOTP secret
 * in. Decoding ignores case, spaces and trailing {@code =} because people copy secrets by hand.
 */
final class Base32 {

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** Never echoes the input in its message: the input is usually a secret. */
    static byte[] decode(String text) {
        String s = text.replace(" ", "").toUpperCase(Locale.ROOT);
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        byte[] out = new byte[end * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < end; i++) {
            int value = ALPHABET.indexOf(s.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not base32: character " + (i + 1) + " is outside A-Z and 2-7");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        if (bits >= 5 || (buffer & ((1 << bits) - 1)) != 0) {
            throw new IllegalArgumentException("not base32: " + end + " characters cannot end a whole number of bytes");
        }
        return out;
    }
}
