package io.registryguard.risk;

import java.time.Instant;

import reactor.core.publisher.Mono;

/**
 * How many distinct usernames one source (an address, a subnet) tried over a sliding window. Implementations
 * may estimate (HyperLogLog on Redis, about 1% error) but must not undercount by much.
 */
public interface DistinctUsernames {

    /** Records that {@code source} tried {@code username} at {@code time}; emits the distinct count so far. */
    Mono<Long> addAndCount(String source, String username, Instant time);
}
