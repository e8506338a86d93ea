package io.registryguard.ratelimit;

import static io.registryguard.ratelimit.TestLimits.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.registryguard.policy.Policy;
import io.registryguard.testsupport.RedisTestServer;

/** The limits with buckets in a real Redis; each test has its own key prefix, so nothing leaks between tests. */
class RedisRateLimiterIntegrationTests extends RateLimiterBehaviourTests {

    private static RateLimitRedis redis;
    private final String prefix = "test:" + UUID.randomUUID() + ":";

    @BeforeAll
    static void connect() {
        redis = RateLimitRedis.connect(RedisTestServer.get().url());
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @AfterEach
    void noStoreErrors() {
        assertThat(metrics.storeErrors()).as("store errors").isZero();
    }

    @Override
    protected RateLimiter limiter(Policy policy) {
        return RateLimiter.builder(policy).redis(redis.connection()).keyPrefix(prefix).timeMeter(time).metrics(metrics)
                .build();
    }

    @Test
    void storeStateWhenRedisAnswersThenRedis() {
        RateLimiter limiter = limiter(WAREHOUSE);
        check(limiter, login("198.51.100.1", "alice"));
        assertThat(limiter.storeState()).isEqualTo(StoreState.REDIS);
    }

    @Test
    void checkWhenTwoLimitersShareRedisThenOneBudget() {
        RateLimiter first = limiter(WAREHOUSE);
        RateLimiter second = limiter(WAREHOUSE);
        failTimes(first, 5, login("198.51.100.1", "alice"));
        failTimes(second, 5, login("198.51.100.2", "alice"));

        assertThat(refused(check(first, login("198.51.100.3", "alice"))).limit()).isEqualTo("login-per-user");
    }

    @Test
    void checkWhenBucketsHeldThenRedisKeysCarryNoUsernameOrAddress() {
        RateLimiter limiter = limiter(WAREHOUSE);
        fail(limiter, login("198.51.100.1", "alice"));

        try (var plain = io.lettuce.core.RedisClient.create(RedisTestServer.get().url()).connect()) {
            assertThat(plain.sync().keys(prefix + "*")).hasSize(4)
                    .allSatisfy(key -> assertThat(key).doesNotContain("alice").doesNotContain("198.51"))
                    .contains(prefix + "login-global:global");
        }
    }
}
