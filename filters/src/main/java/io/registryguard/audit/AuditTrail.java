package io.registryguard.audit;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where audit events are kept: {@link InMemoryAuditTrail} on one node, {@link RedisAuditTrail} shared by replicas.
 * Nothing is ever deleted by account: the trail must outlive what the registry deletes.
 */
public interface AuditTrail {

    /**
     * Records the event when subscribed: first one JSON line on the {@code registryguard.audit} logger, then the
     * store. Completes empty and <em>never with an error</em>: a store that fails costs the stored copy (a WARN
     * says so), not the login or action being audited. Redis waits are bounded by the connection's command timeout.
     */
    Mono<Void> record(AuditEvent event);

    /** The events matching the query, newest first, at most {@link AuditQuery#limit()} of them. */
    Flux<AuditEvent> query(AuditQuery query);
}
