package io.registryguard.ratelimit;

/**
 * One bucket's answer for one attempt.
 *
 * @param bucket      the bucket asked
 * @param source      who answered, and so where a token taken must be given back
 * @param consumed    a token was taken (or, store down and {@code on-store-failure: open}, none was needed)
 * @param nanosToWait when refused: how long until a token is back
 * @param outcome     what to report for the limit
 */
record Probe(BucketRef bucket, Source source, boolean consumed, long nanosToWait, RateLimitMetrics.Outcome outcome) {

    enum Source {
        /** Redis, shared by all instances. */
        SHARED,
        /** This instance's memory: the in-memory store, or the fallback while Redis is down. */
        LOCAL,
        /** Nobody: the store was down and the limit's mode decided without counting. */
        UNCOUNTED
    }

    static Probe counted(BucketRef bucket, Source source, boolean consumed, long nanosToWait) {
        return new Probe(bucket, source, consumed, consumed ? 0 : nanosToWait,
                consumed ? RateLimitMetrics.Outcome.ALLOWED : RateLimitMetrics.Outcome.REFUSED);
    }

    /** A token was taken that must be given back if the attempt does not go ahead. */
    boolean holdsToken() {
        return consumed && source != Source.UNCOUNTED;
    }
}
