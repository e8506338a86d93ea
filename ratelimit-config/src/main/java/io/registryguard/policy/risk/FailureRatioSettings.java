package io.registryguard.policy.risk;

import java.time.Duration;
import java.util.Objects;

/**
 * A source whose attempts mostly fail is guessing. Below {@code minAttempts} in the window a ratio means
 * nothing (one typo is 100%).
 */
public record FailureRatioSettings(TimeBuckets buckets, long minAttempts, double ipRatio, int ipWeight,
        double subnetRatio, int subnetWeight) {

    public static final FailureRatioSettings DEFAULTS = new FailureRatioSettings(
            new TimeBuckets(Duration.ofHours(1), Duration.ofMinutes(5)), 10, 0.5, 30, 0.5, 20);

    public FailureRatioSettings {
        Objects.requireNonNull(buckets, "window");
        RiskChecks.positive("min-attempts", minAttempts);
        RiskChecks.ratio("ip-ratio", ipRatio);
        RiskChecks.positive("ip-weight", ipWeight);
        RiskChecks.ratio("subnet-ratio", subnetRatio);
        RiskChecks.positive("subnet-weight", subnetWeight);
    }
}
