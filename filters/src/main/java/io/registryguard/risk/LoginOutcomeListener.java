package io.registryguard.risk;

import reactor.core.publisher.Mono;

/** Told how each attempt ended, once the registry has answered: the signals that count failures implement it. */
@FunctionalInterface
public interface LoginOutcomeListener {

    Mono<Void> outcome(LoginAttempt attempt, boolean failed);
}
