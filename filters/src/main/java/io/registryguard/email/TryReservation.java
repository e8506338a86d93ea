package io.registryguard.email;

import java.util.Arrays;
import java.util.Objects;

/**
 * The answer of {@link EmailCodeStore#reserveTry}: either no try is possible (and why), or one try has been
 * used up and here is the hash to compare the input with.
 *
 * @param status    what the store found
 * @param hash      the stored hash when {@link Status#RESERVED}, otherwise empty
 * @param triesLeft tries left after this one when {@link Status#RESERVED}, otherwise 0
 */
public record TryReservation(Status status, byte[] hash, int triesLeft) {

    /** What the store found under the key. */
    public enum Status {
        /** No code, or one already forgotten. */
        NONE,
        /** A code whose {@code expiresAt} has passed. */
        EXPIRED,
        /** A code with no tries left. */
        BURNED,
        /** A live code; one try has been used up. */
        RESERVED
    }

    private static final byte[] NO_HASH = new byte[0];

    public TryReservation {
        Objects.requireNonNull(status, "status");
        hash = hash == null ? NO_HASH : hash.clone();
    }

    public static TryReservation none() {
        return new TryReservation(Status.NONE, NO_HASH, 0);
    }

    public static TryReservation expired() {
        return new TryReservation(Status.EXPIRED, NO_HASH, 0);
    }

    public static TryReservation burned() {
        return new TryReservation(Status.BURNED, NO_HASH, 0);
    }

    public static TryReservation reserved(byte[] hash, int triesLeft) {
        return new TryReservation(Status.RESERVED, hash, triesLeft);
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TryReservation r && status == r.status && Arrays.equals(hash, r.hash)
                && triesLeft == r.triesLeft;
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, triesLeft);
    }

    @Override
    public String toString() {
        return "TryReservation[" + status + ", triesLeft=" + triesLeft + "]";
    }
}
