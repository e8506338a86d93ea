package io.registryguard.ratelimit;

import java.util.Locale;

/**
 * What the limiter reports as it works. The gateway binds it to Micrometer
 * ({@code guard_ratelimit_decisions_total{limit,outcome}}, store errors, store state); {@link #NOOP} ignores all.
 * Called on request threads: implementations must be cheap and must not block.
 */
public interface RateLimitMetrics {

    RateLimitMetrics NOOP = new RateLimitMetrics() {
    };

    /** One limit's answer for one attempt. */
    default void decision(String limit, Outcome outcome) {
    }

    /** The store could not answer for {@code limit} and its local buckets did ({@code on-store-failure: local}). */
    default void fallback(String limit) {
    }

    default void storeError(StoreError error) {
    }

    default void storeStateChanged(StoreState state) {
    }

    /** In-memory buckets forgotten before they were full again, to keep memory bounded. */
    default void localEvictions(int count) {
    }

    enum Outcome {
        /** The bucket had a token. */
        ALLOWED,
        /** The bucket was empty. */
        REFUSED,
        /** The store failed; {@code on-store-failure: open} let the attempt through uncounted. */
        FAILED_OPEN,
        /** The store failed; {@code on-store-failure: closed} refused the attempt. */
        FAILED_CLOSED;

        /** The metric tag value. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    enum StoreError {
        /** No answer within the command timeout. */
        TIMEOUT,
        /** Not connected, connection lost, or Redis answered with an error. */
        UNAVAILABLE,
        /** Too many concurrent updates of one bucket (compare-and-swap retries exhausted); not a store outage. */
        CONTENTION,
        /** Anything else. */
        OTHER;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
