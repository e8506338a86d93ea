package io.registryguard.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/** What {@link RateLimiter#check} decided: let the attempt through, or refuse it before the registry hears of it. */
public sealed interface RateLimitDecision permits RateLimitDecision.Allowed, RateLimitDecision.Refused {

    boolean allowed();

    /**
     * Let through. Holds the tokens taken from failure buckets: hand it back to
     * {@link RateLimiter#recordOutcome(RateLimitDecision, AttemptOutcome)} once the registry has answered.
     */
    final class Allowed implements RateLimitDecision {

        static final Allowed UNLIMITED = new Allowed(List.of());

        private final List<Reservation> reservations;
        private final AtomicBoolean settled = new AtomicBoolean();

        Allowed(List<Reservation> reservations) {
            this.reservations = List.copyOf(reservations);
        }

        List<Reservation> reservations() {
            return reservations;
        }

        /** True the first time only: an outcome recorded twice must not give tokens back twice. */
        boolean settle() {
            return settled.compareAndSet(false, true);
        }

        @Override
        public boolean allowed() {
            return true;
        }

        @Override
        public String toString() {
            return "Allowed[" + reservations.stream().map(r -> r.bucket().limit().name()).toList() + "]";
        }
    }

    /**
     * Refused.
     *
     * @param limit      the limit that refused (of several, the one with the longest wait)
     * @param retryAfter how long until the attempt could pass, positive
     * @param reason     why: an exhausted budget (HTTP 429) or a store that cannot be reached under
     *                   {@code on-store-failure: closed} (HTTP 503)
     */
    record Refused(String limit, Duration retryAfter, Reason reason) implements RateLimitDecision {

        public Refused {
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(reason, "reason");
            if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
                throw new IllegalArgumentException("retryAfter must be positive, was " + retryAfter);
            }
        }

        @Override
        public boolean allowed() {
            return false;
        }

        /** Whole seconds for a {@code Retry-After} header, rounded up so that a client waiting that long passes. */
        public long retryAfterSeconds() {
            return (retryAfter.toNanos() + 999_999_999L) / 1_000_000_000L;
        }

        public enum Reason {
            /** A bucket has no token left. */
            EXHAUSTED,
            /** The store cannot be reached and the limit says {@code on-store-failure: closed}. */
            STORE_UNAVAILABLE
        }
    }
}
