package io.registryguard.gateway.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What reached the simulated registry, per population: the registry's own view, which no gateway answer can fake. */
final class RegistryCounters {

    /** Counts of one population. */
    static final class Counts {
        final LongAdder loginPosts = new LongAdder();
        final LongAdder loginsAccepted = new LongAdder();
        final LongAdder accountActions = new LongAdder();
        final LongAdder accountActionsDone = new LongAdder();
    }

    private final Map<String, Counts> byPopulation = new ConcurrentHashMap<>();

    Counts of(String population) {
        return byPopulation.computeIfAbsent(population == null ? "unlabelled" : population, p -> new Counts());
    }

    long loginPosts(String population) {
        return of(population).loginPosts.sum();
    }

    long loginsAccepted(String population) {
        return of(population).loginsAccepted.sum();
    }

    /** Sensitive account and project actions (invite, role removal, deletion…) that reached the registry. */
    long accountActions(String population) {
        return of(population).accountActions.sum();
    }

    /** Those the registry carried out (it had a session for them). */
    long accountActionsDone(String population) {
        return of(population).accountActionsDone.sum();
    }
}
