package io.registryguard.policy.risk;

import java.time.Duration;
import java.util.Objects;

/**
 * @param retention    how long an account's history is kept after its last login (must exceed dormantAfter)
 * @param dormantAfter an account not logged into for this long is dormant: the 2024 victims were old accounts
 * @param maxEntries   subnets and agent families kept per account, oldest forgotten first
 */
public record NoveltySettings(Duration retention, Duration dormantAfter, int maxEntries, int novelAddressWeight,
        int novelAgentWeight, int dormantWeight) {

    public static final NoveltySettings DEFAULTS = new NoveltySettings(Duration.ofDays(400), Duration.ofDays(180),
            20, 15, 10, 20);

    public NoveltySettings {
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(dormantAfter, "dormant-after");
        if (dormantAfter.toMillis() <= 0 || retention.compareTo(dormantAfter) <= 0) {
            throw new IllegalArgumentException("need retention (" + retention + ") > dormant-after (" + dormantAfter
                    + ") > 0");
        }
        RiskChecks.positive("max-entries", maxEntries);
        RiskChecks.positive("novel-address.weight", novelAddressWeight);
        RiskChecks.positive("novel-user-agent.weight", novelAgentWeight);
        RiskChecks.positive("dormant-account.weight", dormantWeight);
    }
}
