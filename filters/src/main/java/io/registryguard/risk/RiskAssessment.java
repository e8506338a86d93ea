package io.registryguard.risk;

import io.registryguard.policy.risk.RiskAction;
import io.registryguard.policy.risk.RiskThresholds;

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

    /** No reason, score 0: what an attempt gets when risk scoring is off. */
    public static final RiskAssessment NONE = new RiskAssessment(0, List.of(), RiskAction.ALLOW);

    /** Sums the reasons (heaviest first in the result) and maps the score to an action. */
    public static RiskAssessment of(List<WeightedReason> found, RiskThresholds thresholds) {
        List<WeightedReason> reasons = new java.util.ArrayList<>(found);
        reasons.sort(java.util.Comparator.comparingInt(WeightedReason::weight).reversed()
                .thenComparing(r -> r.reason().id()));
        long score = reasons.stream().mapToLong(WeightedReason::weight).sum();
        int capped = (int) Math.min(score, Integer.MAX_VALUE);
        return new RiskAssessment(capped, reasons, thresholds.actionFor(capped));
    }

    /** This assessment with one more reason, scored again. */
    public RiskAssessment with(WeightedReason reason, RiskThresholds thresholds) {
        List<WeightedReason> more = new java.util.ArrayList<>(reasons);
        more.add(reason);
        return of(more, thresholds);
    }

    /** Whether the login, once its password is accepted, must also confirm a code sent to its email. */
    public boolean requiresEmail() {
        return action.compareTo(RiskAction.REQUIRE_EMAIL) >= 0;
    }

    /** The reasons' stable ids, for the audit trail. */
    public List<String> reasonIds() {
        return reasons.stream().map(r -> r.reason().id()).toList();
    }

    public boolean has(RiskReason reason) {
        return reasons.stream().anyMatch(r -> r.reason() == reason);
    }
}
