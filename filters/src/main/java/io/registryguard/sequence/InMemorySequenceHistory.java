package io.registryguard.sequence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The history for a single node (the demo, small installs). Bounded three ways: events older than the retention
 * are dropped (from a history when it is written, from all of them in a sweep at most once a minute), a history
 * keeps its newest {@code maxEventsPerKey} events, and at most {@code maxKeys} histories are kept, the one written
 * least recently going first. Only forwarded sensitive actions are remembered, each behind a step-up, so nobody
 * fills it cheaply. One lock guards it: sensitive actions are rare and every step is a few list operations.
 */
public final class InMemorySequenceHistory implements SequenceHistory {

    public static final int DEFAULT_MAX_EVENTS_PER_KEY = 1000;
    public static final int DEFAULT_MAX_KEYS = 100_000;
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final Duration retention;
    private final int maxEventsPerKey;
    private final int maxKeys;
    private final Clock clock;
    /** Insertion order is write order (a write re-inserts), so the first entry is the least recently written. */
    private final LinkedHashMap<HistoryKey, List<SensitiveEvent>> histories = new LinkedHashMap<>();
    private Instant nextSweep;

    /** @param retention how long an event is kept: the policy's {@code SequencePolicy.longestWindow()} */
    public InMemorySequenceHistory(Duration retention, Clock clock) {
        this(retention, DEFAULT_MAX_EVENTS_PER_KEY, DEFAULT_MAX_KEYS, clock);
    }

    public InMemorySequenceHistory(Duration retention, int maxEventsPerKey, int maxKeys, Clock clock) {
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + retention);
        }
        if (maxEventsPerKey < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("maxEventsPerKey and maxKeys must be positive, were " + maxEventsPerKey
                    + " and " + maxKeys);
        }
        this.maxEventsPerKey = maxEventsPerKey;
        this.maxKeys = maxKeys;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nextSweep = clock.instant().plus(SWEEP_INTERVAL);
    }

    @Override
    public Mono<Void> remember(SensitiveEvent event) {
        Objects.requireNonNull(event, "event");
        return Mono.fromRunnable(() -> {
            synchronized (histories) {
                Instant oldest = oldestKept();
                sweepIfDue();
                for (HistoryKey key : HistoryKey.of(event)) {
                    List<SensitiveEvent> events = add(histories.remove(key), event, oldest);
                    if (!events.isEmpty()) {
                        histories.put(key, events);
                    }
                }
                Iterator<HistoryKey> leastRecentlyWritten = histories.keySet().iterator();
                while (histories.size() > maxKeys) {
                    leastRecentlyWritten.next();
                    leastRecentlyWritten.remove();
                }
            }
        });
    }

    @Override
    public Flux<SensitiveEvent> recent(HistoryKey key, Instant since) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(since, "since");
        return Flux.defer(() -> {
            List<SensitiveEvent> found = new ArrayList<>();
            synchronized (histories) {
                Instant from = since.isAfter(oldestKept()) ? since : oldestKept();
                for (SensitiveEvent event : histories.getOrDefault(key, List.of())) {
                    if (!event.time().isBefore(from)) {
                        found.add(event);
                    }
                }
            }
            return Flux.fromIterable(found);
        });
    }

    /** How many histories are kept now; for tests and a gauge. */
    int size() {
        synchronized (histories) {
            return histories.size();
        }
    }

    /** The history with the event in time order, without what is too old or beyond the cap (the oldest go). */
    private List<SensitiveEvent> add(List<SensitiveEvent> history, SensitiveEvent event, Instant oldest) {
        List<SensitiveEvent> events = history == null ? new ArrayList<>() : history;
        events.removeIf(e -> e.time().isBefore(oldest));
        if (!events.contains(event) && !event.time().isBefore(oldest)) {
            int at = events.size();
            while (at > 0 && events.get(at - 1).time().isAfter(event.time())) {
                at--;
            }
            events.add(at, event);
        }
        while (events.size() > maxEventsPerKey) {
            events.remove(0);
        }
        return events;
    }

    private Instant oldestKept() {
        return clock.instant().minus(retention);
    }

    private void sweepIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(SWEEP_INTERVAL);
        Instant oldest = now.minus(retention);
        for (Iterator<Map.Entry<HistoryKey, List<SensitiveEvent>>> it = histories.entrySet().iterator();
                it.hasNext();) {
            List<SensitiveEvent> events = it.next().getValue();
            events.removeIf(e -> e.time().isBefore(oldest));
            if (events.isEmpty()) {
                it.remove();
            }
        }
    }
}
