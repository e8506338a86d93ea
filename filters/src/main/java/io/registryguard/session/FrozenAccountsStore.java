package io.registryguard.session;

import java.util.Set;

import reactor.core.publisher.Mono;

/** Where accounts frozen at run time are kept: in memory (one node) or a Redis set shared by replicas. */
public interface FrozenAccountsStore {

    Mono<Void> add(String account);

    Mono<Void> remove(String account);

    Mono<Set<String>> all();

    /** This instance's memory. */
    static FrozenAccountsStore inMemory() {
        Set<String> accounts = java.util.concurrent.ConcurrentHashMap.newKeySet();
        return new FrozenAccountsStore() {
            @Override
            public Mono<Void> add(String account) {
                return Mono.fromRunnable(() -> accounts.add(account));
            }

            @Override
            public Mono<Void> remove(String account) {
                return Mono.fromRunnable(() -> accounts.remove(account));
            }

            @Override
            public Mono<Set<String>> all() {
                return Mono.fromSupplier(() -> Set.copyOf(accounts));
            }
        };
    }
}
