package io.registryguard.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.registryguard.ratelimit.RateLimitRedis;
import io.registryguard.testsupport.RedisTestServer;

class RedisDistinctUsernamesIntegrationTests extends DistinctUsernamesContract {

    private RateLimitRedis redis;
    private RedisDistinctUsernames store;

    @BeforeEach
    void connect() {
        redis = RateLimitRedis.connect(RedisTestServer.get().url());
        store = new RedisDistinctUsernames(redis.connection(), BUCKETS);
    }

    @AfterEach
    void disconnect() {
        redis.close();
    }

    @Override
    DistinctUsernames store() {
        return store;
    }

    @Test
    void addAndCountWhenAddedThenBucketKeyIsHashTaggedAndExpiresAfterWindowPlusBucket() {
        store.addAndCount(source, "alice", T0).block();

        byte[] key = RedisDistinctUsernames.key(source, BUCKETS.indexAt(T0));
        assertThat(new String(key)).startsWith("guard:risk:users:{" + source + "}:");
        assertThat(redis.connection().sync().pttl(key)).isBetween(Duration.ofMinutes(19).toMillis(),
                Duration.ofMinutes(20).toMillis());
    }

    @Test
    void addAndCountWhenThousandUsernamesThenEstimateWithinTwoPercent() {
        long count = 0;
        for (int i = 0; i < 1000; i++) {
            count = store.addAndCount(source, "user" + i, T0).block();
        }

        assertThat(count).isBetween(980L, 1020L);
    }
}
