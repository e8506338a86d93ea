package io.registryguard.risk;

import io.registryguard.policy.risk.RiskChecks;

import java.util.List;
import java.util.Objects;

import reactor.core.publisher.Mono;

/** A password seen in a breach: the attacker may be replaying a list. Silent when there was no password. */
public final class BreachedPasswordSignal implements RiskSignal {

    private final BreachedPasswords passwords;
    private final int weight;

    public BreachedPasswordSignal(BreachedPasswords passwords, int weight) {
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        RiskChecks.positive("breached-password.weight", weight);
        this.weight = weight;
    }

    @Override
    public Mono<List<WeightedReason>> evaluate(LoginAttempt attempt) {
        if (attempt.passwordSha1() == null) {
            return Mono.just(List.of());
        }
        return passwords.isBreached(attempt.passwordSha1())
                .map(breached -> breached ? List.of(WeightedReason.of(RiskReason.BREACHED_PASSWORD, weight))
                        : List.<WeightedReason>of());
    }
}
