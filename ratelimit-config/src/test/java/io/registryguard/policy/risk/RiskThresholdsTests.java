package io.registryguard.policy.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RiskThresholdsTests {

    @Test
    void actionForWhenScoreAtEachThresholdThenThatAction() {
        RiskThresholds thresholds = new RiskThresholds(30, 60, 100, Duration.ofSeconds(1));

        assertThat(thresholds.actionFor(0)).isEqualTo(RiskAction.ALLOW);
        assertThat(thresholds.actionFor(29)).isEqualTo(RiskAction.ALLOW);
        assertThat(thresholds.actionFor(30)).isEqualTo(RiskAction.REQUIRE_EMAIL);
        assertThat(thresholds.actionFor(59)).isEqualTo(RiskAction.REQUIRE_EMAIL);
        assertThat(thresholds.actionFor(60)).isEqualTo(RiskAction.THROTTLE);
        assertThat(thresholds.actionFor(100)).isEqualTo(RiskAction.BLOCK);
        assertThat(thresholds.actionFor(Integer.MAX_VALUE)).isEqualTo(RiskAction.BLOCK);
    }

    @Test
    void constructWhenBlockBelowThrottleThenRejectedNamingBoth() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RiskThresholds(30, 60, 50, Duration.ZERO))
                .withMessageContaining("block").withMessageContaining("throttle");
    }

    @Test
    void constructWhenRequireEmailZeroThenRejectedNamingKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RiskThresholds(0, 60, 100, Duration.ZERO))
                .withMessageContaining("require-email");
    }

    @Test
    void constructWhenThrottleDelayOverThirtySecondsThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RiskThresholds(30, 60, 100, Duration.ofMinutes(1)))
                .withMessageContaining("throttle-delay");
    }

    @Test
    void failModeWhenIgnoreWithWeightThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SignalFailMode(false, 5))
                .withMessageContaining("ignore");
    }
}
