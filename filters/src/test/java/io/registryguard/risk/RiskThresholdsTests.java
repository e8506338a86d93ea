package io.registryguard.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;

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

    @Test
    void reasonOfIdWhenKnownThenReasonAndWhenUnknownThenRejectedNamingIt() {
        assertThat(RiskReason.ofId("username-traversal-ip")).isEqualTo(RiskReason.USERNAME_TRAVERSAL_IP);
        assertThatIllegalArgumentException().isThrownBy(() -> RiskReason.ofId("nope")).withMessageContaining("nope");
    }

    @Test
    void attemptToStringWhenPasswordHashPresentThenHashNotPrinted() {
        String sha1 = "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8";
        LoginAttempt attempt = LoginAttempt.of(Instant.EPOCH, "192.0.2.1", "192.0.2.0/24", "bob")
                .withPasswordSha1(sha1.toLowerCase());

        assertThat(attempt.passwordSha1()).isEqualTo(sha1);
        assertThat(attempt.toString()).doesNotContain(sha1).doesNotContain(sha1.toLowerCase());
    }
}
