package io.registryguard.risk;

import io.registryguard.policy.risk.TimeBuckets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

abstract class AttemptCountsContract {

    static final TimeBuckets BUCKETS = new TimeBuckets(Duration.ofMinutes(15), Duration.ofMinutes(5));
    static final Instant T0 = Instant.parse("2024-03-25T10:00:00Z");

    final String source = "ip:" + UUID.randomUUID();

    abstract AttemptCounts store();

    @Test
    void countsWhenNothingRecordedThenZero() {
        assertThat(store().counts(source, T0).block()).isEqualTo(AttemptCounts.Counts.NONE);
    }

    @Test
    void countsWhenThreeAttemptsTwoFailedAcrossBucketsThenThreeAndTwo() {
        store().record(source, T0, true).block();
        store().record(source, T0.plus(Duration.ofMinutes(5)), false).block();
        store().record(source, T0.plus(Duration.ofMinutes(10)), true).block();

        AttemptCounts.Counts counts = store().counts(source, T0.plus(Duration.ofMinutes(10))).block();

        assertThat(counts).isEqualTo(new AttemptCounts.Counts(3, 2));
        assertThat(counts.failureRatio()).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void countsWhenBucketLeftWindowThenNotCounted() {
        store().record(source, T0, true).block();
        store().record(source, T0.plus(Duration.ofMinutes(5)), false).block();

        assertThat(store().counts(source, T0.plus(Duration.ofMinutes(15))).block())
                .isEqualTo(new AttemptCounts.Counts(1, 0));
    }
}
