package io.registryguard.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.registryguard.ratelimit.RateLimitRedis;
import io.registryguard.testsupport.RedisTestServer;

class RedisAttemptCountsIntegrationTests extends AttemptCountsContract {

    private RateLimitRedis redis;
    private RedisAttemptCounts store;

    @BeforeEach
    void connect() {
        redis = RateLimitRedis.connect(RedisTestServer.get().url());
        store = new RedisAttemptCounts(redis.connection(), BUCKETS);
    }

    @AfterEach
    void disconnect() {
        redis.close();
    }

    @Override
    AttemptCounts store() {
        return store;
    }

    @Test
    void recordWhenRecordedThenBucketHashExpiresAfterWindowPlusBucket() {
        store.record(source, T0, true).block();

        byte[] key = RedisAttemptCounts.key(source, BUCKETS.indexAt(T0));
        assertThat(redis.connection().sync().pttl(key)).isBetween(Duration.ofMinutes(19).toMillis(),
                Duration.ofMinutes(20).toMillis());
    }
}
