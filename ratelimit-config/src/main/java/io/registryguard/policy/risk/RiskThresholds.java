package io.registryguard.policy.risk;

import java.time.Duration;
import java.util.Objects;

/**
 * Score → action: at or above {@code block} BLOCK, else at or above {@code throttle} THROTTLE, else at or above
 * {@code requireEmail} REQUIRE_EMAIL, else ALLOW. Thresholds must be positive and non-decreasing.
 */
public record RiskThresholds(int requireEmail, int throttle, int block, Duration throttleDelay) {

    public static final RiskThresholds DEFAULTS = new RiskThresholds(30, 60, 100, Duration.ofSeconds(2));

    public RiskThresholds {
        Objects.requireNonNull(throttleDelay, "throttle-delay");
        if (requireEmail <= 0) {
            throw new IllegalArgumentException("require-email must be > 0, was " + requireEmail);
        }
        if (throttle < requireEmail) {
            throw new IllegalArgumentException("throttle (" + throttle + ") must be >= require-email (" + requireEmail + ")");
        }
        if (block < throttle) {
            throw new IllegalArgumentException("block (" + block + ") must be >= throttle (" + throttle + ")");
        }
        if (throttleDelay.isNegative() || throttleDelay.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("throttle-delay must be between 0 and 30s, was " + throttleDelay);
        }
    }

    public RiskAction actionFor(int score) {
        if (score >= block) {
            return RiskAction.BLOCK;
        }
        if (score >= throttle) {
            return RiskAction.THROTTLE;
        }
        if (score >= requireEmail) {
            return RiskAction.REQUIRE_EMAIL;
        }
        return RiskAction.ALLOW;
    }
}
