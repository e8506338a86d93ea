package io.registryguard.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/** Pending logins in this instance's memory, bounded: expired entries go first, then refusal to add more. */
public final class InMemoryPendingLoginStore implements PendingLoginStore {

    static final int MAX_ENTRIES = 100_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryPendingLoginStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Mono<Void> save(PendingLogin login, Duration ttl) {
        return Mono.fromRunnable(() -> {
            Instant now = clock.instant();
            if (entries.size() >= MAX_ENTRIES) {
                entries.values().removeIf(e -> e.expiresAt().isBefore(now));
                if (entries.size() >= MAX_ENTRIES && !entries.containsKey(login.id())) {
                    throw new IllegalStateException("too many pending logins in memory (" + MAX_ENTRIES + ")");
                }
            }
            entries.put(login.id(), new Entry(login, now.plus(ttl)));
        });
    }

    @Override
    public Mono<PendingLogin> find(String id) {
        return Mono.fromSupplier(() -> live(entries.get(id)));
    }

    @Override
    public Mono<PendingLogin> take(String id) {
        return Mono.fromSupplier(() -> live(entries.remove(id)));
    }

    private PendingLogin live(Entry entry) {
        return entry == null || !entry.expiresAt().isAfter(clock.instant()) ? null : entry.login();
    }

    private record Entry(PendingLogin login, Instant expiresAt) {
    }
}
