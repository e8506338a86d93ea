package io.registryguard.ratelimit;

import static io.registryguard.ratelimit.RateLimiterBehaviourTests.check;
import static io.registryguard.ratelimit.RateLimiterBehaviourTests.fail;
import static io.registryguard.ratelimit.RateLimiterBehaviourTests.login;
import static io.registryguard.ratelimit.RateLimiterBehaviourTests.refused;
import static io.registryguard.ratelimit.TestLimits.WAREHOUSE;
import static io.registryguard.ratelimit.TestLimits.limit;
import static io.registryguard.ratelimit.TestLimits.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.registryguard.policy.Limit;
import io.registryguard.policy.Policy;
import io.registryguard.ratelimit.RateLimitDecision.Refused;
import io.registryguard.ratelimit.RateLimitMetrics.Outcome;
import io.registryguard.ratelimit.RateLimitMetrics.StoreError;
import io.registryguard.testsupport.RedisTestServer;

/**
 * Redis going away mid-test and coming back. Nothing here measures wall-clock time: that no attempt waited out a
 * timeout is shown by the breaker's state and by counting store errors and fallbacks.
 */
class RedisFailoverIntegrationTests {

    private final ManualTime time = new ManualTime();
    private final CountingRateLimitMetrics metrics = new CountingRateLimitMetrics();
    private final String prefix = "failover:" + UUID.randomUUID() + ":";
    private RedisTestServer server;
    private RateLimitRedis redis;

    @BeforeEach
    void connect() {
        server = RedisTestServer.get();
        assumeTrue(server.canRestart(), "needs a redis-server the tests start (not SPRING_DATA_REDIS_URL)");
        redis = RateLimitRedis.connect(server.url());
    }

    @AfterEach
    void restoreRedis() {
        server.start();
        redis.close();
    }

    private RateLimiter limiter(Policy policy) {
        return RateLimiter.builder(policy).redis(redis.connection()).keyPrefix(prefix).timeMeter(time).metrics(metrics)
                .build();
    }

    private void stopRedis() {
        server.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> !redis.connection().isOpen());
    }

    @Test
    void checkWhenRedisStoppedThenBreakerOpensAndLocalBucketsDecideWithoutWaitingForTimeouts() {
        RateLimiter limiter = limiter(WAREHOUSE);
        assertThat(fail(limiter, login("198.51.100.1", "user-0")).allowed()).isTrue();
        stopRedis();

        for (int i = 1; i <= 10; i++) {
            assertThat(fail(limiter, login("198.51.100.1", "user-" + i)).allowed()).isTrue();
        }
        Refused refused = refused(check(limiter, login("198.51.100.1", "user-11")));

        assertThat(refused.limit()).as("the local bucket counts 10 from the outage on").isEqualTo("login-per-ip");
        assertThat(limiter.storeState()).isEqualTo(StoreState.REDIS_UNAVAILABLE);
        assertThat(metrics.states()).containsExactly(StoreState.REDIS_UNAVAILABLE);
        assertThat(metrics.storeErrors(StoreError.TIMEOUT)).as("nothing waited for a timeout").isZero();
        assertThat(metrics.storeErrors(StoreError.UNAVAILABLE)).as("only the first attempt's calls reached Lettuce")
                .isBetween(3L, 4L);
        assertThat(metrics.fallbacks("login-per-ip")).as("every check since Redis went away").isEqualTo(11);
        assertThat(metrics.fallbacks("login-per-user")).isEqualTo(11);
    }

    @Test
    void checkWhenRedisHangsThenOnlyTheFirstAttemptMeetsTheCommandTimeout() {
        RateLimiter limiter = limiter(WAREHOUSE);
        check(limiter, login("198.51.100.1", "warm-up"));
        server.pause();
        try {
            for (int i = 0; i < 20; i++) {
                assertThat(fail(limiter, login("198.51.100." + (i + 2), "user-" + i)).allowed()).isTrue();
            }
        } finally {
            server.resume();
        }

        assertThat(limiter.storeState()).isEqualTo(StoreState.REDIS_UNAVAILABLE);
        assertThat(metrics.storeErrors(StoreError.TIMEOUT)).as("the first attempt's four calls, no more").isEqualTo(4);
        assertThat(metrics.fallbacks("login-global")).isEqualTo(20);
    }

    @Test
    void checkWhenRedisStoppedAndLimitOpenThenLetThroughUncounted() {
        RateLimiter limiter = limiter(policy(limit("per-ip", Limit.Key.IP, Limit.Counts.FAILURES,
                Limit.OnStoreFailure.OPEN, "login", "1 per 5m")));
        stopRedis();

        for (int i = 0; i < 5; i++) {
            assertThat(fail(limiter, login("198.51.100.1", "alice")).allowed()).isTrue();
        }

        assertThat(metrics.decisions("per-ip", Outcome.FAILED_OPEN)).isEqualTo(5);
        assertThat(metrics.fallbacks("per-ip")).isZero();
    }

    @Test
    void checkWhenRedisStoppedAndLimitClosedThenRefusedAsUnavailableUntilTheProbe() {
        RateLimiter limiter = limiter(policy(limit("per-ip", Limit.Key.IP, Limit.Counts.FAILURES,
                Limit.OnStoreFailure.CLOSED, "login", "10 per 5m")));
        stopRedis();

        for (int i = 0; i < 3; i++) {
            check(limiter, login("198.51.100.1", "alice"));
        }
        Refused refused = refused(check(limiter, login("198.51.100.1", "alice")));

        assertThat(refused.reason()).isEqualTo(Refused.Reason.STORE_UNAVAILABLE);
        assertThat(refused.limit()).isEqualTo("per-ip");
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(metrics.decisions("per-ip", Outcome.FAILED_CLOSED)).isEqualTo(4);
        assertThat(limiter.blocks()).as("an outage is no block").isEmpty();
    }

    @Test
    void checkWhenRedisBackThenOneProbeClosesTheBreakerAndBucketsAreSharedAgain() {
        RateLimiter limiter = limiter(WAREHOUSE);
        stopRedis();
        for (int i = 0; i < 3; i++) {
            fail(limiter, login("198.51.100.1", "alice"));
        }
        assertThat(limiter.storeState()).isEqualTo(StoreState.REDIS_UNAVAILABLE);

        server.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.connection().isOpen());
        time.advance(Duration.ofSeconds(1));
        check(limiter, login("198.51.100.2", "carol")); // its first bucket call is the probe

        assertThat(limiter.storeState()).isEqualTo(StoreState.REDIS);
        assertThat(metrics.states()).containsExactly(StoreState.REDIS_UNAVAILABLE, StoreState.REDIS_PROBING,
                StoreState.REDIS);
        RateLimiter other = limiter(WAREHOUSE);
        for (int i = 0; i < 5; i++) {
            assertThat(fail(limiter, login("203.0." + i + ".1", "bob")).allowed()).isTrue();
            assertThat(fail(other, login("203.0." + (i + 50) + ".1", "bob")).allowed()).isTrue();
        }
        assertThat(refused(check(limiter, login("203.0.99.1", "bob"))).limit())
                .as("bob's failures since recovery are in Redis, seen by both").isEqualTo("login-per-user");
    }
}
