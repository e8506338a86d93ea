package io.registryguard.ratelimit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Counts what the limiter reports, for assertions. */
final class CountingRateLimitMetrics implements RateLimitMetrics {

    private final Map<String, LongAdder> decisions = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> fallbacks = new ConcurrentHashMap<>();
    private final Map<StoreError, LongAdder> storeErrors = new ConcurrentHashMap<>();
    private final List<StoreState> states = new CopyOnWriteArrayList<>();
    private final AtomicInteger evictions = new AtomicInteger();

    @Override
    public void decision(String limit, Outcome outcome) {
        decisions.computeIfAbsent(limit + "/" + outcome.tag(), k -> new LongAdder()).increment();
    }

    @Override
    public void fallback(String limit) {
        fallbacks.computeIfAbsent(limit, k -> new LongAdder()).increment();
    }

    @Override
    public void storeError(StoreError error) {
        storeErrors.computeIfAbsent(error, k -> new LongAdder()).increment();
    }

    @Override
    public void storeStateChanged(StoreState state) {
        states.add(state);
    }

    @Override
    public void localEvictions(int count) {
        evictions.addAndGet(count);
    }

    long decisions(String limit, Outcome outcome) {
        LongAdder count = decisions.get(limit + "/" + outcome.tag());
        return count == null ? 0 : count.sum();
    }

    long fallbacks(String limit) {
        LongAdder count = fallbacks.get(limit);
        return count == null ? 0 : count.sum();
    }

    long storeErrors(StoreError error) {
        LongAdder count = storeErrors.get(error);
        return count == null ? 0 : count.sum();
    }

    long storeErrors() {
        return storeErrors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    List<StoreState> states() {
        return List.copyOf(states);
    }

    int evictions() {
        return evictions.get();
    }
}
