package io.registryguard.email;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import reactor.core.publisher.Mono;

/**
 * {@link EmailCodeStore} for one node (the demo, small installs, tests). One lock over an insertion-ordered
 * map: the operations are rare (enrollment and step-up only) and each is a few map steps, so the lock is
 * held for microseconds and never across I/O.
 *
 * <p>Bounded: every {@link #put} first drops forgotten entries from the oldest end, then the oldest entries
 * beyond {@code maxEntries}. Codes share one TTL, so insertion order is expiry order and both are cheap.
 * Dropping a live code when full costs its owner a new code, nothing more.
 */
public final class InMemoryEmailCodeStore implements EmailCodeStore {

    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    private final Clock clock;
    private final int maxEntries;
    private final Map<CodeKey, StoredCode> entries = new LinkedHashMap<>();

    public InMemoryEmailCodeStore(Clock clock) {
        this(clock, DEFAULT_MAX_ENTRIES);
    }

    public InMemoryEmailCodeStore(Clock clock, int maxEntries) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public Mono<Void> put(CodeKey key, StoredCode code) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(code, "code");
        return Mono.fromRunnable(() -> {
            synchronized (entries) {
                entries.remove(key); // re-inserted at the young end
                entries.put(key, code);
                evict(clock.instant());
            }
        });
    }

    @Override
    public Mono<TryReservation> reserveTry(CodeKey key, Instant now) {
        return Mono.fromSupplier(() -> {
            synchronized (entries) {
                StoredCode code = entries.get(key);
                if (code == null || !now.isBefore(code.forgetAt())) {
                    entries.remove(key);
                    return TryReservation.none();
                }
                if (!now.isBefore(code.expiresAt())) {
                    return TryReservation.expired();
                }
                if (code.triesLeft() <= 0) {
                    return TryReservation.burned();
                }
                StoredCode used = code.withOneTryLess();
                entries.put(key, used); // replacing keeps the insertion position
                return TryReservation.reserved(used.hash(), used.triesLeft());
            }
        });
    }

    @Override
    public Mono<Boolean> consume(CodeKey key, byte[] hash) {
        return Mono.fromSupplier(() -> {
            synchronized (entries) {
                StoredCode code = entries.get(key);
                if (code == null || !code.hasHash(hash)) {
                    return false;
                }
                entries.remove(key);
                return true;
            }
        });
    }

    /** Entries held, forgotten ones included until the next put drops them. */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private void evict(Instant now) {
        Iterator<StoredCode> oldestFirst = entries.values().iterator();
        while (oldestFirst.hasNext()) {
            StoredCode code = oldestFirst.next();
            if (entries.size() > maxEntries || !now.isBefore(code.forgetAt())) {
                oldestFirst.remove();
            } else {
                break;
            }
        }
    }
}
