package io.registryguard.risk;

import io.registryguard.policy.risk.FailureRatioSettings;
import io.registryguard.policy.risk.TimeBuckets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class FailureRatioSignalTests {

    private static final Instant T0 = Instant.parse("2024-03-25T10:00:00Z");

    private final FailureRatioSettings settings = new FailureRatioSettings(
            new TimeBuckets(Duration.ofHours(1), Duration.ofMinutes(5)), 10, 0.5, 30, 0.6, 20);
    private final FailureRatioSignal signal = new FailureRatioSignal(
            new InMemoryAttemptCounts(settings.buckets(), 1000), settings);

    @Test
    void evaluateWhenSixOfTenFromOneAddressFailedThenFailureRatioIpAndSubnetReasons() {
        for (int i = 0; i < 10; i++) {
            signal.outcome(attempt("203.0.113.7", i), i < 6).block();
        }

        assertThat(signal.evaluate(attempt("203.0.113.7", 11)).block()).containsExactly(
                WeightedReason.of(RiskReason.FAILURE_RATIO_IP, 30), WeightedReason.of(RiskReason.FAILURE_RATIO_SUBNET, 20));
    }

    @Test
    void evaluateWhenNineFailuresOnlyThenBelowMinimumAttemptsAndNoReason() {
        for (int i = 0; i < 9; i++) {
            signal.outcome(attempt("203.0.113.7", i), true).block();
        }

        assertThat(signal.evaluate(attempt("203.0.113.7", 10)).block()).isEmpty();
    }

    @Test
    void evaluateWhenFailuresSpreadOverSubnetAddressesThenSubnetReasonOnly() {
        for (int i = 0; i < 20; i++) {
            signal.outcome(attempt("203.0.113." + i, i), i % 3 != 0).block();
        }

        assertThat(signal.evaluate(attempt("203.0.113.99", 30)).block())
                .containsExactly(WeightedReason.of(RiskReason.FAILURE_RATIO_SUBNET, 20));
    }

    @Test
    void evaluateWhenFourOfTenFailedThenNoReason() {
        for (int i = 0; i < 10; i++) {
            signal.outcome(attempt("203.0.113.7", i), i < 4).block();
        }

        assertThat(signal.evaluate(attempt("203.0.113.7", 11)).block()).isEqualTo(List.of());
    }

    private static LoginAttempt attempt(String address, long seconds) {
        return LoginAttempt.of(T0.plusSeconds(seconds), address, "203.0.113.0/24", "user" + seconds);
    }
}
