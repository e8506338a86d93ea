package io.registryguard.risk;

import io.registryguard.policy.risk.RiskChecks;
import io.registryguard.policy.risk.TimeBuckets;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import reactor.core.publisher.Mono;

/** Per-node counts; at most {@code maxSources} sources, least recently used forgotten first. */
public final class InMemoryAttemptCounts implements AttemptCounts {

    private final TimeBuckets buckets;
    private final Map<String, TreeMap<Long, long[]>> sources;

    public InMemoryAttemptCounts(TimeBuckets buckets, int maxSources) {
        RiskChecks.positive("max-sources", maxSources);
        this.buckets = buckets;
        this.sources = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TreeMap<Long, long[]>> eldest) {
                return size() > maxSources;
            }
        };
    }

    @Override
    public Mono<Void> record(String source, Instant time, boolean failed) {
        return Mono.fromRunnable(() -> add(source, time, failed));
    }

    @Override
    public Mono<Counts> counts(String source, Instant time) {
        return Mono.fromSupplier(() -> sum(source, time));
    }

    private synchronized void add(String source, Instant time, boolean failed) {
        TreeMap<Long, long[]> bySlot = sources.computeIfAbsent(source, s -> new TreeMap<>());
        bySlot.headMap(buckets.oldestAt(time)).clear();
        long[] slot = bySlot.computeIfAbsent(buckets.indexAt(time), i -> new long[2]);
        slot[0]++;
        slot[1] += failed ? 1 : 0;
    }

    private synchronized Counts sum(String source, Instant time) {
        TreeMap<Long, long[]> bySlot = sources.get(source);
        if (bySlot == null) {
            return Counts.NONE;
        }
        long attempts = 0;
        long failures = 0;
        for (long[] slot : bySlot.subMap(buckets.oldestAt(time), true, buckets.indexAt(time), true).values()) {
            attempts += slot[0];
            failures += slot[1];
        }
        return new Counts(attempts, failures);
    }
}
