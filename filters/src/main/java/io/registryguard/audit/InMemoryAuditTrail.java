package io.registryguard.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The newest events of this instance, in a ring of fixed size (10,000 by default): the oldest is dropped when it is
 * full. For one node without Redis (the demo, small installs); lost on restart, but every event's log line stays.
 * A query reads at most the whole ring, under a lock held for microseconds.
 */
public final class InMemoryAuditTrail implements AuditTrail {

    public static final int DEFAULT_CAPACITY = 10_000;

    private final AuditEvent[] ring;
    private final AuditMetrics metrics;
    private int next;
    private int size;

    public InMemoryAuditTrail() {
        this(DEFAULT_CAPACITY, AuditMetrics.NOOP);
    }

    public InMemoryAuditTrail(int capacity, AuditMetrics metrics) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: must be at least 1");
        }
        this.ring = new AuditEvent[capacity];
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public Mono<Void> record(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        return Mono.fromRunnable(() -> {
            AuditLog.write(event);
            metrics.recorded(event.type());
            synchronized (ring) {
                ring[next] = event;
                next = (next + 1) % ring.length;
                size = Math.min(size + 1, ring.length);
            }
        });
    }

    @Override
    public Flux<AuditEvent> query(AuditQuery query) {
        Objects.requireNonNull(query, "query");
        return Flux.defer(() -> {
            List<AuditEvent> found = new ArrayList<>();
            synchronized (ring) {
                for (int i = 1; i <= size && found.size() < query.limit(); i++) {
                    AuditEvent event = ring[Math.floorMod(next - i, ring.length)];
                    if (query.matches(event)) {
                        found.add(event);
                    }
                }
            }
            return Flux.fromIterable(found);
        });
    }

    /** How many events are held (at most the capacity). */
    int size() {
        synchronized (ring) {
            return size;
        }
    }
}
