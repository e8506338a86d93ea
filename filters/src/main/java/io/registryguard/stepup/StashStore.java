package io.registryguard.stepup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/**
 * Stashed sensitive requests, for a few minutes. This implementation is the instance's memory (bounded); the step-up
 * page must then reach the instance that stashed (a Redis one, encrypted like pending logins, comes later).
 */
public final class StashStore {

    static final int MAX_ENTRIES = 10_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    public StashStore(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    public Mono<Void> save(StashedRequest request) {
        return Mono.fromRunnable(() -> {
            Instant now = clock.instant();
            if (entries.size() >= MAX_ENTRIES) {
                entries.values().removeIf(e -> !e.expiresAt().isAfter(now));
            }
            if (entries.size() >= MAX_ENTRIES) {
                throw new IllegalStateException("too many stashed requests in memory (" + MAX_ENTRIES + ")");
            }
            entries.put(request.id(), new Entry(request, now.plus(ttl)));
        });
    }

    public Mono<StashedRequest> find(String id) {
        return Mono.fromSupplier(() -> live(id == null ? null : entries.get(id)));
    }

    /** Removes and returns it: a stashed request is replayed at most once. */
    public Mono<StashedRequest> take(String id) {
        return Mono.fromSupplier(() -> live(id == null ? null : entries.remove(id)));
    }

    private StashedRequest live(Entry entry) {
        return entry == null || !entry.expiresAt().isAfter(clock.instant()) ? null : entry.request();
    }

    private record Entry(StashedRequest request, Instant expiresAt) {
    }
}
