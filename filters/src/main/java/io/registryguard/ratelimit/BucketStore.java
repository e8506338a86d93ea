package io.registryguard.ratelimit;

import java.util.concurrent.CompletableFuture;

import io.github.bucket4j.ConsumptionProbe;

/** Where buckets live: Redis shared by all instances, or this instance's memory. Never blocks the caller. */
interface BucketStore {

    /** Takes one token if the bucket has one; creates the bucket full, or updates its configuration, first. */
    CompletableFuture<ConsumptionProbe> tryConsume(BucketRef bucket);

    /** Gives one token back (never beyond the bucket's capacity). */
    CompletableFuture<Void> refund(BucketRef bucket);

    /** Forgets the bucket: its next use starts full. */
    CompletableFuture<Void> remove(BucketRef bucket);
}
