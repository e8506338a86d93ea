package io.registryguard.risk;

import io.registryguard.policy.risk.RiskAction;

import java.util.List;
import java.util.Objects;

/** The engine's answer: the summed score, the reasons behind it (heaviest first) and the action it maps to. */
public record RiskAssessment(int score, List<WeightedReason> reasons, RiskAction action) {

    public RiskAssessment {
        Objects.requireNonNull(action, "action");
        reasons = List.copyOf(reasons);
        if (score < 0) {
            throw new IllegalArgumentException("score must be >= 0, was " + score);
        }
    }

    /** The reasons' stable ids, for the audit trail. */
    public List<String> reasonIds() {
        return reasons.stream().map(r -> r.reason().id()).toList();
    }

    public boolean has(RiskReason reason) {
        return reasons.stream().anyMatch(r -> r.reason() == reason);
    }
}
