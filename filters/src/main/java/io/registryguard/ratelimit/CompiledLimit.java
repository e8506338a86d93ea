package io.registryguard.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.registryguard.policy.Limit;
import io.registryguard.policy.Rate;

/**
 * A policy limit ready for Bucket4j.
 *
 * @param limit         as written in the policy
 * @param configuration one greedy bandwidth per rate, each identified by its period so that an edited count
 *                      replaces the same bandwidth in existing buckets
 * @param version       Bucket4j's configuration version: stored buckets with a lower one get this configuration at
 *                      their next use (see {@link LimitTable} for how it is chosen)
 */
record CompiledLimit(Limit limit, BucketConfiguration configuration, long version) {

    static CompiledLimit of(Limit limit, long version) {
        ConfigurationBuilder builder = BucketConfiguration.builder();
        for (Rate rate : limit.bandwidths()) {
            builder.addLimit(Bandwidth.builder().capacity(rate.count()).refillGreedy(rate.count(), rate.period())
                    .id(rate.period().toString()).build());
        }
        return new CompiledLimit(limit, builder.build(), version);
    }

    String name() {
        return limit.name();
    }

    /** After this long unused, a bucket is full again: forgetting it loses nothing. */
    long nanosUntilFull() {
        return limit.longestPeriod().toNanos();
    }
}
