package io.registryguard.email;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;

/**
 * What a store keeps for one code: never the code, only its keyed hash.
 *
 * @param hash      HMAC-SHA-256 of the code, bound to the account and purpose (32 bytes)
 * @param expiresAt the code is refused from this instant on
 * @param forgetAt  the store may drop the entry from this instant on (after {@code expiresAt}, so that a late
 *                  check can still be told "expired" rather than "no code")
 * @param triesLeft checks the code survives; at 0 it is burned
 */
public record StoredCode(byte[] hash, Instant expiresAt, Instant forgetAt, int triesLeft) {

    public StoredCode {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(forgetAt, "forgetAt");
        if (forgetAt.isBefore(expiresAt)) {
            throw new IllegalArgumentException("forgetAt must not be before expiresAt");
        }
        if (triesLeft < 0) {
            throw new IllegalArgumentException("triesLeft must not be negative");
        }
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    /** The same code with one try fewer. */
    public StoredCode withOneTryLess() {
        return new StoredCode(hash, expiresAt, forgetAt, triesLeft - 1);
    }

    /** Constant-time: whether this entry holds exactly that hash. */
    public boolean hasHash(byte[] other) {
        return MessageDigest.isEqual(hash, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredCode s && MessageDigest.isEqual(hash, s.hash) && expiresAt.equals(s.expiresAt)
                && forgetAt.equals(s.forgetAt) && triesLeft == s.triesLeft;
    }

    @Override
    public int hashCode() {
        return Objects.hash(expiresAt, forgetAt, triesLeft);
    }

    @Override
    public String toString() {
        return "StoredCode[hash=(hidden), expiresAt=" + expiresAt + ", forgetAt=" + forgetAt + ", triesLeft="
                + triesLeft + "]";
    }
}
