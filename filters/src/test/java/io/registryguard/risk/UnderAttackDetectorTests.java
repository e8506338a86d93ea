package io.registryguard.risk;

import io.registryguard.policy.risk.UnderAttackSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class UnderAttackDetectorTests {

    private static final Instant T0 = Instant.parse("2024-03-25T10:00:00Z");
    private static final UnderAttackSettings SETTINGS = new UnderAttackSettings(Duration.ofMinutes(1), 0.1, 5, 20,
            3.0, 0.3, 1.5, 3, 20);

    private final List<Boolean> flips = new ArrayList<>();
    private final UnderAttackDetector detector = new UnderAttackDetector(SETTINGS, new RiskMetrics() {
        @Override
        public void underAttackChanged(boolean underAttack) {
            flips.add(underAttack);
        }
    });

    @Test
    void underAttackWhenFailureRatioJumpsFromTenToFiftyPercentThenFlagUpAndSignalAddsWeight() {
        normalMinutes(0, 10);
        minute(10, 100, 50);

        assertThat(detector.underAttack(at(11))).isTrue();
        assertThat(flips).containsExactly(true);
        UnderAttackSignal signal = new UnderAttackSignal(detector, 20);
        assertThat(signal.evaluate(LoginAttempt.of(at(11), "192.0.2.1", "192.0.2.0/24", "a")).block())
                .containsExactly(WeightedReason.of(RiskReason.UNDER_ATTACK, 20));
    }

    @Test
    void underAttackWhenRatioStaysNormalThenFlagStaysDown() {
        normalMinutes(0, 20);

        assertThat(detector.underAttack(at(20))).isFalse();
        assertThat(detector.baseline()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void underAttackWhenSpikeDuringWarmupThenFlagStaysDown() {
        normalMinutes(0, 3);
        minute(3, 100, 60);

        assertThat(detector.underAttack(at(4))).isFalse();
    }

    @Test
    void underAttackWhenSpikeBelowMinimumAttemptsThenFlagStaysDown() {
        normalMinutes(0, 10);
        minute(10, 19, 19);

        assertThat(detector.underAttack(at(11))).isFalse();
    }

    @Test
    void underAttackWhenRatioFallsBackThenFlagDownOnlyAfterThreeCalmMinutesInARow() {
        normalMinutes(0, 10);
        minute(10, 100, 50);
        double baseline = detector.baseline();
        minute(11, 100, 12);
        minute(12, 100, 12);
        minute(13, 100, 20); // above baseline × 1.5: the calm run starts over
        minute(14, 100, 12);
        minute(15, 100, 12);

        assertThat(detector.underAttack(at(16))).isTrue();
        minute(16, 100, 12);
        assertThat(detector.underAttack(at(17))).isFalse();
        assertThat(flips).containsExactly(true, false);
        assertThat(detector.baseline()).isEqualTo(baseline);
    }

    @Test
    void underAttackWhenLoginsStopAltogetherThenFlagDownAfterThreeIdleMinutes() {
        normalMinutes(0, 10);
        minute(10, 100, 50);

        assertThat(detector.underAttack(at(13))).isTrue();
        assertThat(detector.underAttack(at(14))).isFalse();
    }

    @Test
    void settingsWhenExitFactorNotBelowEnterFactorThenRejectedNamingBoth() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new UnderAttackSettings(Duration.ofMinutes(1), 0.1, 5, 20, 2, 0.3, 2, 3, 20))
                .withMessageContaining("enter-factor").withMessageContaining("exit-factor");
    }

    private void normalMinutes(int from, int to) {
        for (int m = from; m < to; m++) {
            minute(m, 100, 10);
        }
    }

    private void minute(int minute, int attempts, int failures) {
        for (int i = 0; i < attempts; i++) {
            detector.record(at(minute).plusMillis(i * 100L), i < failures);
        }
    }

    private static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }
}
