package io.registryguard.risk;

import io.registryguard.policy.risk.RiskChecks;

import java.util.List;
import java.util.Objects;

import reactor.core.publisher.Mono;

/** While the global failure ratio is abnormal, every attempt carries some extra risk. */
public final class UnderAttackSignal implements RiskSignal, LoginOutcomeListener {

    private final UnderAttackDetector detector;
    private final int weight;

    public UnderAttackSignal(UnderAttackDetector detector, int weight) {
        this.detector = Objects.requireNonNull(detector, "detector");
        RiskChecks.positive("under-attack.weight", weight);
        this.weight = weight;
    }

    @Override
    public Mono<List<WeightedReason>> evaluate(LoginAttempt attempt) {
        return Mono.fromSupplier(() -> detector.underAttack(attempt.time())
                ? List.of(WeightedReason.of(RiskReason.UNDER_ATTACK, weight))
                : List.<WeightedReason>of());
    }

    @Override
    public Mono<Void> outcome(LoginAttempt attempt, boolean failed) {
        return Mono.fromRunnable(() -> detector.record(attempt.time(), failed));
    }
}
