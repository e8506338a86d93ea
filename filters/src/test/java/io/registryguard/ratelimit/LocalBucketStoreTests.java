package io.registryguard.ratelimit;

import static io.registryguard.ratelimit.TestLimits.limit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.registryguard.policy.Limit;
import io.registryguard.policy.Subnets;

/** The in-memory bound: what a username spray can and cannot do to memory and to other buckets. */
class LocalBucketStoreTests {

    private final ManualTime time = new ManualTime();
    private final CountingRateLimitMetrics metrics = new CountingRateLimitMetrics();
    private final LocalBucketStore store = new LocalBucketStore(1_000, time, metrics);
    private final BucketKeys keys = new BucketKeys("t:", Subnets.DEFAULT);
    private final CompiledLimit perUser = CompiledLimit.of(limit("per-user", Limit.Key.USERNAME, Limit.Counts.FAILURES,
            "login", "10 per 5m"), 1);

    @Test
    void tryConsumeWhenSprayOfUsernamesThenNeverMoreBucketsThanTheBound() {
        for (int i = 0; i < 20_000; i++) {
            store.tryConsume(keys.bucket(perUser, "spray-" + i));
            assertThat(store.size()).isLessThanOrEqualTo(1_000);
        }
        assertThat(metrics.evictions()).isPositive();
    }

    @Test
    void tryConsumeWhenOldBucketsAreFullAgainThenTheyGoFirstAndNothingIsLost() {
        BucketRef victim = keys.bucket(perUser, "victim");
        for (int i = 0; i < 10; i++) {
            store.tryConsume(victim);
        }
        for (int i = 0; i < 999; i++) {
            store.tryConsume(keys.bucket(perUser, "old-" + i));
        }
        time.advance(Duration.ofMinutes(5));
        store.tryConsume(victim); // used recently: kept

        for (int i = 0; i < 500; i++) {
            store.tryConsume(keys.bucket(perUser, "new-" + i));
        }

        assertThat(metrics.evictions()).as("only full buckets were dropped").isZero();
        assertThat(store.size()).isEqualTo(501);
        assertThat(store.tryConsume(victim).join().getRemainingTokens()).isEqualTo(8);
    }

    @Test
    void tryConsumeWhenNewerVersionThenConfigurationReplacedKeepingUsedTokens() {
        BucketRef bucket = keys.bucket(perUser, "alice");
        store.tryConsume(bucket);
        store.tryConsume(bucket);
        CompiledLimit raised = CompiledLimit.of(limit("per-user", Limit.Key.USERNAME, Limit.Counts.FAILURES, "login",
                "20 per 5m"), 2);

        long remaining = store.tryConsume(keys.bucket(raised, "alice")).join().getRemainingTokens();

        assertThat(remaining).as("20 minus the 2 used before and this one").isEqualTo(17);
    }

    @Test
    void refundWhenTokenTakenThenGivenBackUpToCapacity() {
        BucketRef bucket = keys.bucket(perUser, "alice");
        store.tryConsume(bucket);
        store.refund(bucket);
        store.refund(bucket);

        assertThat(store.tryConsume(bucket).join().getRemainingTokens()).isEqualTo(9);
    }
}
