package io.registryguard.risk;

import java.util.List;

import reactor.core.publisher.Mono;

/** One way of looking at a login attempt. Must not block; an error is handled by the engine's fail mode. */
@FunctionalInterface
public interface RiskSignal {

    /** The reasons this attempt is risky, empty when it found none. */
    Mono<List<WeightedReason>> evaluate(LoginAttempt attempt);
}
