package io.registryguard.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * How a recovery code is stored: the SHA-256 of its canonical form (16 lowercase base32 characters,
 * no separators), in lowercase hex.
 * <p>
 * A fast hash is enough here, unlike for passwords: a password has a few dozen bits that a slow hash
 * has to stretch, a recovery code has 80 random bits, and 2^80 SHA-256 evaluations per code is out of
 * reach even for someone holding the stored hashes. Salting would add nothing for the same reason.
 */
final class RecoveryCodeHash {

    static final int CODE_LENGTH = 16;
    private static final HexFormat HEX = HexFormat.of();

    private RecoveryCodeHash() {
    }

    /**
     * The hash of what a user typed: dashes, spaces and case do not matter.
     *
     * @return empty when the input cannot be a recovery code
     */
    static Optional<String> of(String input) {
        String code = normalize(input);
        return code == null ? Optional.empty() : Optional.of(sha256Hex(code));
    }

    static boolean looksLikeCode(String input) {
        return normalize(input) != null;
    }

    static boolean isHash(String value) {
        if (value == null || value.length() != 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Compares the candidate with every stored hash, always all of them, each in constant time. The
     * inputs are hashes, so timing would reveal little anyway; this keeps it from revealing anything.
     */
    static Optional<String> findIn(Set<String> stored, String candidate) {
        byte[] wanted = candidate.getBytes(StandardCharsets.US_ASCII);
        String found = null;
        for (String hash : stored) {
            if (MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII), wanted)) {
                found = hash;
            }
        }
        return Optional.ofNullable(found);
    }

    private static String normalize(String input) {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '-' || c == ' ' || c == '\u00a0') {
                continue;
            }
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (!((lower >= 'a' && lower <= 'z') || (lower >= '2' && lower <= '7'))) {
                return null;
            }
            code.append(lower);
        }
        return code.length() == CODE_LENGTH ? code.toString() : null;
    }

    private static String sha256Hex(String code) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
