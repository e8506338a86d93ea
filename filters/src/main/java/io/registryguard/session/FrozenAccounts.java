package io.registryguard.session;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.registryguard.policy.Policy;
import reactor.core.publisher.Mono;

/**
 * Accounts the operators froze (2024: suspicious accounts were frozen, reversibly): no login completes and every
 * request of their sessions is refused. Frozen through the policy's {@code frozen-accounts} or the admin API; the
 * latter's set lives in a {@link FrozenAccountsStore} (Redis, shared) and is mirrored here, refreshed by the
 * gateway every second or so, so checking costs no store call on the request path.
 */
public final class FrozenAccounts {

    private final Supplier<Policy> policy;
    private final FrozenAccountsStore store;
    private volatile Set<String> mirrored = Set.of();

    public FrozenAccounts(Supplier<Policy> policy, FrozenAccountsStore store) {
        this.policy = policy;
        this.store = store;
    }

    public boolean isFrozen(String account) {
        if (account == null) {
            return false;
        }
        String canonical = policy.get().accounts().key(account);
        return mirrored.contains(canonical) || policy.get().frozenAccounts().contains(canonical);
    }

    public Mono<Void> freeze(String account) {
        String canonical = policy.get().accounts().key(account);
        return store.add(canonical).then(refresh());
    }

    /**
     * @return false when the account is frozen by the policy file, which only an edit of the file undoes
     */
    public Mono<Boolean> unfreeze(String account) {
        String canonical = policy.get().accounts().key(account);
        return store.remove(canonical).then(refresh())
                .then(Mono.fromSupplier(() -> !policy.get().frozenAccounts().contains(canonical)));
    }

    /** Re-reads the shared set (the gateway calls this periodically). */
    public Mono<Void> refresh() {
        return store.all().doOnNext(all -> mirrored = Set.copyOf(all)).then();
    }

    /** Everything frozen, by the policy and at run time, sorted. */
    public Set<String> list() {
        Set<String> all = new TreeSet<>(mirrored);
        all.addAll(policy.get().frozenAccounts());
        return all;
    }
}
