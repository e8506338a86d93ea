package io.registryguard.session;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Redis first, this instance's memory when Redis fails: a password login accepted during a Redis outage still
 * waits for its factor (on this instance) instead of failing with a 500. Whether the factor can then be checked
 * is the factor store's business (it fails closed).
 */
public final class FallbackPendingLoginStore implements PendingLoginStore {

    private static final Logger log = LoggerFactory.getLogger(FallbackPendingLoginStore.class);

    private final PendingLoginStore primary;
    private final PendingLoginStore local;

    public FallbackPendingLoginStore(PendingLoginStore primary, PendingLoginStore local) {
        this.primary = primary;
        this.local = local;
    }

    @Override
    public Mono<Void> save(PendingLogin login, Duration ttl) {
        return primary.save(login, ttl).onErrorResume(e -> {
            log.warn("Pending login kept in this instance's memory: the shared store failed ({})", e.toString());
            return local.save(login, ttl);
        });
    }

    @Override
    public Mono<PendingLogin> find(String id) {
        return primary.find(id).onErrorResume(e -> Mono.empty()).switchIfEmpty(Mono.defer(() -> local.find(id)));
    }

    @Override
    public Mono<PendingLogin> take(String id) {
        return local.take(id).switchIfEmpty(Mono.defer(() -> primary.take(id).onErrorResume(e -> Mono.empty())));
    }
}
