package io.registryguard.session;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Where withheld logins wait (in memory, or Redis shared by replicas: there the record must be encrypted, it
 * holds the registry's session cookies). Entries expire on their own.
 */
public interface PendingLoginStore {

    Mono<Void> save(PendingLogin login, Duration ttl);

    /** Empty when unknown or expired. */
    Mono<PendingLogin> find(String id);

    /** Removes and returns it: only one request can complete a pending login. */
    Mono<PendingLogin> take(String id);
}
