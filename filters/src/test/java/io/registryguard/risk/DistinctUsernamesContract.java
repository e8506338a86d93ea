package io.registryguard.risk;

import io.registryguard.policy.risk.TimeBuckets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What every {@link DistinctUsernames} store does; the Redis one may be off by HyperLogLog's ~1%. */
abstract class DistinctUsernamesContract {

    static final TimeBuckets BUCKETS = new TimeBuckets(Duration.ofMinutes(15), Duration.ofMinutes(5));
    static final Instant T0 = Instant.parse("2024-03-25T10:00:00Z");

    /** A source no other test (or earlier run on a shared Redis) used. */
    final String source = "ip:" + UUID.randomUUID();

    abstract DistinctUsernames store();

    @Test
    void addAndCountWhenSameUsernameTwiceThenCountedOnce() {
        store().addAndCount(source, "alice", T0).block();

        assertThat(store().addAndCount(source, "alice", T0.plusSeconds(1)).block()).isEqualTo(1);
    }

    @Test
    void addAndCountWhenTwentyUsernamesThenTwenty() {
        long count = 0;
        for (int i = 0; i < 20; i++) {
            count = store().addAndCount(source, "user" + i, T0.plusSeconds(i)).block();
        }

        assertThat(count).isEqualTo(20);
    }

    @Test
    void addAndCountWhenUsernamesSpreadOverBucketsThenMergedAcrossWindow() {
        store().addAndCount(source, "a", T0).block();
        store().addAndCount(source, "b", T0.plus(Duration.ofMinutes(5))).block();

        assertThat(store().addAndCount(source, "c", T0.plus(Duration.ofMinutes(10))).block()).isEqualTo(3);
    }

    @Test
    void addAndCountWhenBucketLeftWindowThenItsUsernamesNoLongerCounted() {
        store().addAndCount(source, "a", T0).block();
        store().addAndCount(source, "b", T0.plus(Duration.ofMinutes(5))).block();

        assertThat(store().addAndCount(source, "c", T0.plus(Duration.ofMinutes(15))).block()).isEqualTo(2);
    }

    @Test
    void addAndCountWhenOtherSourceThenSeparateCount() {
        store().addAndCount(source, "a", T0).block();

        assertThat(store().addAndCount(source + "-other", "b", T0).block()).isEqualTo(1);
    }
}
