package io.registryguard.risk;

import java.util.Objects;

import io.lettuce.core.api.StatefulRedisConnection;
import io.registryguard.policy.risk.NoveltySettings;
import io.registryguard.policy.risk.TimeBuckets;

/** Where the counting signals keep their state: this node's memory, or Redis shared by every replica. */
public interface RiskStores {

    DistinctUsernames distinctUsernames(TimeBuckets buckets);

    AttemptCounts attemptCounts(TimeBuckets buckets);

    AccountHistory accountHistory(NoveltySettings settings);

    /** Bounded: at most 100,000 sources and accounts each, oldest forgotten first. */
    static RiskStores inMemory() {
        return new RiskStores() {
            @Override
            public DistinctUsernames distinctUsernames(TimeBuckets buckets) {
                return new InMemoryDistinctUsernames(buckets, 100_000, 1_000);
            }

            @Override
            public AttemptCounts attemptCounts(TimeBuckets buckets) {
                return new InMemoryAttemptCounts(buckets, 100_000);
            }

            @Override
            public AccountHistory accountHistory(NoveltySettings settings) {
                return new InMemoryAccountHistory(settings, 100_000);
            }
        };
    }

    static RiskStores redis(StatefulRedisConnection<byte[], byte[]> connection) {
        Objects.requireNonNull(connection, "connection");
        return new RiskStores() {
            @Override
            public DistinctUsernames distinctUsernames(TimeBuckets buckets) {
                return new RedisDistinctUsernames(connection, buckets);
            }

            @Override
            public AttemptCounts attemptCounts(TimeBuckets buckets) {
                return new RedisAttemptCounts(connection, buckets);
            }

            @Override
            public AccountHistory accountHistory(NoveltySettings settings) {
                return new RedisAccountHistory(connection, settings);
            }
        };
    }
}
