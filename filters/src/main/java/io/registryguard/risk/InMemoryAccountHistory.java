package io.registryguard.risk;

import io.registryguard.policy.risk.NoveltySettings;
import io.registryguard.policy.risk.RiskChecks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

/** Per-node history of at most {@code maxAccounts} accounts, least recently used forgotten first. */
public final class InMemoryAccountHistory implements AccountHistory {

    private final NoveltySettings settings;
    private final Map<String, Entry> accounts;

    public InMemoryAccountHistory(NoveltySettings settings, int maxAccounts) {
        RiskChecks.positive("max-accounts", maxAccounts);
        this.settings = settings;
        this.accounts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxAccounts;
            }
        };
    }

    @Override
    public Mono<AccountProfile> profile(String username) {
        return Mono.fromSupplier(() -> read(username));
    }

    @Override
    public Mono<Void> recordSuccess(String username, String subnet, String agentFamily, Instant time) {
        return Mono.fromRunnable(() -> write(username, subnet, agentFamily, time));
    }

    private synchronized AccountProfile read(String username) {
        Entry entry = accounts.get(username);
        return entry == null ? AccountProfile.UNKNOWN
                : new AccountProfile(entry.subnets.keySet(), entry.agents.keySet(), entry.last);
    }

    private synchronized void write(String username, String subnet, String agentFamily, Instant time) {
        Entry entry = accounts.computeIfAbsent(username, u -> new Entry(settings.maxEntries()));
        entry.subnets.put(subnet, time);
        entry.agents.put(agentFamily, time);
        entry.last = entry.last == null || time.isAfter(entry.last) ? time : entry.last;
    }

    private static final class Entry {
        final Map<String, Instant> subnets;
        final Map<String, Instant> agents;
        Instant last;

        Entry(int max) {
            subnets = bounded(max);
            agents = bounded(max);
        }

        private static Map<String, Instant> bounded(int max) {
            return new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                    return size() > max;
                }
            };
        }
    }
}
