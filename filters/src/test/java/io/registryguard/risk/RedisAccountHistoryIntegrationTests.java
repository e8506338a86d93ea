package io.registryguard.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.registryguard.ratelimit.RateLimitRedis;
import io.registryguard.testsupport.RedisTestServer;

class RedisAccountHistoryIntegrationTests extends AccountHistoryContract {

    private RateLimitRedis redis;
    private RedisAccountHistory history;

    @BeforeEach
    void connect() {
        redis = RateLimitRedis.connect(RedisTestServer.get().url());
        history = new RedisAccountHistory(redis.connection(), SETTINGS);
    }

    @AfterEach
    void disconnect() {
        redis.close();
    }

    @Override
    AccountHistory history() {
        return history;
    }

    @Test
    void recordSuccessWhenRecordedThenHashExpiresAfterRetention() {
        history.recordSuccess(username, "198.51.100.0/24", "firefox", T0).block();

        long ttl = redis.connection().sync().pttl(RedisAccountHistory.key(username));
        assertThat(ttl).isBetween(Duration.ofDays(399).toMillis(), Duration.ofDays(400).toMillis());
    }
}
