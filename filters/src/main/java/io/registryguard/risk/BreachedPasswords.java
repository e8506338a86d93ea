package io.registryguard.risk;

import reactor.core.publisher.Mono;

/** Whether a password is known from breaches, asked by its SHA-1 (40 hex digits, either case). */
public interface BreachedPasswords {

    Mono<Boolean> isBreached(String sha1Hex);
}
