package io.registryguard.risk;

import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells every listener how an attempt ended, concurrently. A listener's error is logged and dropped: failing to
 * count an outcome must not fail the login the registry already answered.
 */
public final class LoginOutcomes implements LoginOutcomeListener {

    private static final Logger log = LoggerFactory.getLogger(LoginOutcomes.class);

    private final List<LoginOutcomeListener> listeners;

    public LoginOutcomes(List<? extends LoginOutcomeListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public Mono<Void> outcome(LoginAttempt attempt, boolean failed) {
        Objects.requireNonNull(attempt, "attempt");
        return Flux.fromIterable(listeners)
                .flatMap(listener -> Mono.defer(() -> listener.outcome(attempt, failed))
                        .onErrorResume(error -> {
                            log.warn("recording a login outcome failed: {}", error.toString());
                            return Mono.empty();
                        }))
                .then();
    }
}
