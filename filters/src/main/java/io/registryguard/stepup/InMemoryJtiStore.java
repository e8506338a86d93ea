package io.registryguard.stepup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;

/**
 * Burned token ids for a single node (the demo, small installs). Entries are dropped once their expiry
 * has passed, in a sweep at most once a minute, so memory follows the tokens issued in the last few
 * minutes. Only tokens that verified are ever burned, so a forger cannot fill it.
 */
public final class InMemoryJtiStore implements JtiStore {

    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final ConcurrentMap<String, Instant> burned = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> nextSweep;
    private final Clock clock;

    public InMemoryJtiStore(Clock clock) {
        this.clock = clock;
        this.nextSweep = new AtomicReference<>(clock.instant().plus(SWEEP_INTERVAL));
    }

    @Override
    public Mono<Boolean> burn(String jti, Instant expiresAt) {
        return Mono.fromSupplier(() -> {
            Instant now = clock.instant();
            sweepIfDue(now);
            AtomicBoolean first = new AtomicBoolean();
            burned.compute(jti, (id, until) -> {
                if (until != null && until.isAfter(now)) {
                    return until;
                }
                first.set(true);
                return expiresAt;
            });
            return first.get();
        });
    }

    /** How many ids are remembered now; for tests and a gauge. */
    int size() {
        return burned.size();
    }

    private void sweepIfDue(Instant now) {
        Instant due = nextSweep.get();
        if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(SWEEP_INTERVAL))) {
            return;
        }
        burned.values().removeIf(until -> !until.isAfter(now));
    }
}
