package io.registryguard.policy.risk;

import java.time.Duration;
import java.util.Objects;

/**
 * When one address or subnet tries many different usernames, it is walking a leaked list.
 *
 * @param ipThreshold     distinct usernames from one address within the window that count as traversal
 * @param subnetThreshold the same for one subnet (many addresses of one provider)
 */
public record UsernameTraversalSettings(TimeBuckets buckets, int ipThreshold, int ipWeight, int subnetThreshold,
        int subnetWeight) {

    public static final UsernameTraversalSettings DEFAULTS = new UsernameTraversalSettings(
            new TimeBuckets(Duration.ofHours(1), Duration.ofMinutes(5)), 10, 40, 30, 30);

    public UsernameTraversalSettings {
        Objects.requireNonNull(buckets, "window");
        RiskChecks.positive("ip-threshold", ipThreshold);
        RiskChecks.positive("ip-weight", ipWeight);
        RiskChecks.positive("subnet-threshold", subnetThreshold);
        RiskChecks.positive("subnet-weight", subnetWeight);
    }
}
