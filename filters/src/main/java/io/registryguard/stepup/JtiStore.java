package io.registryguard.stepup;

import java.time.Instant;

import reactor.core.publisher.Mono;

/**
 * Remembers the ids of single-use tokens that have been used. The Redis implementation is one
 * {@code SET key 1 NX PXAT expiresAt}; in memory, {@link InMemoryJtiStore}.
 */
@FunctionalInterface
public interface JtiStore {

    /**
     * Marks {@code jti} as used until {@code expiresAt}, atomically across every caller.
     *
     * @return {@code true} for the first burn only; {@code false} while an earlier burn is remembered. An
     *         error when the store cannot answer: the caller decides whether that fails open or closed.
     */
    Mono<Boolean> burn(String jti, Instant expiresAt);
}
