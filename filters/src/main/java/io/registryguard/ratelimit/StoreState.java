package io.registryguard.ratelimit;

/** Where the limiter's buckets live right now: for health endpoints and a metric. */
public enum StoreState {

    /** No Redis configured: every bucket is in this instance's memory (the demo, small installs). */
    IN_MEMORY,
    /** Redis answers; buckets are shared by all instances. */
    REDIS,
    /** Redis failed repeatedly; the breaker is open and each limit's {@code on-store-failure} mode decides. */
    REDIS_UNAVAILABLE,
    /** The breaker lets one check through to Redis to see whether it is back. */
    REDIS_PROBING
}
