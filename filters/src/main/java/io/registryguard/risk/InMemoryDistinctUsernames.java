package io.registryguard.risk;

import io.registryguard.policy.risk.TimeBuckets;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import reactor.core.publisher.Mono;

/**
 * Exact distinct counts for one node. Bounded: at most {@code maxSources} sources (least recently used forgotten
 * first) and at most {@code maxPerSource} usernames each (the count saturates there; set it above the
 * thresholds).
 */
public final class InMemoryDistinctUsernames implements DistinctUsernames {

    private final TimeBuckets buckets;
    private final int maxPerSource;
    private final Map<String, TreeMap<Long, Set<String>>> sources;

    public InMemoryDistinctUsernames(TimeBuckets buckets, int maxSources, int maxPerSource) {
        if (maxSources <= 0 || maxPerSource <= 0) {
            throw new IllegalArgumentException("max-sources and max-per-source must be > 0");
        }
        this.buckets = buckets;
        this.maxPerSource = maxPerSource;
        this.sources = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TreeMap<Long, Set<String>>> eldest) {
                return size() > maxSources;
            }
        };
    }

    @Override
    public Mono<Long> addAndCount(String source, String username, Instant time) {
        return Mono.fromSupplier(() -> add(source, username, time));
    }

    private synchronized long add(String source, String username, Instant time) {
        TreeMap<Long, Set<String>> bySlot = sources.computeIfAbsent(source, s -> new TreeMap<>());
        bySlot.headMap(buckets.oldestAt(time)).clear();
        Set<String> seen = new HashSet<>();
        bySlot.values().forEach(seen::addAll);
        if (seen.size() < maxPerSource && seen.add(username)) {
            bySlot.computeIfAbsent(buckets.indexAt(time), i -> new HashSet<>()).add(username);
        }
        return seen.size();
    }
}
