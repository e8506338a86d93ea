package io.registryguard.mfa;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Mono;

/**
 * Factors in this process's memory: one node, the demo and small installs. Each operation is one
 * {@code ConcurrentHashMap} compute, atomic per account. Everything is lost on restart.
 */
public final class InMemoryFactorStore implements FactorStore {

    private final ConcurrentMap<String, EnrolledFactors> factors = new ConcurrentHashMap<>();

    @Override
    public Mono<EnrolledFactors> find(String account) {
        return Mono.fromSupplier(() -> factors.get(account));
    }

    @Override
    public Mono<Void> save(EnrolledFactors enrolled) {
        return Mono.fromRunnable(() -> factors.put(enrolled.account(), enrolled));
    }

    @Override
    public Mono<Boolean> consumeRecoveryCode(String account, String codeHash) {
        return Mono.fromSupplier(() -> {
            AtomicBoolean consumed = new AtomicBoolean();
            factors.computeIfPresent(account, (key, current) -> RecoveryCodeHash
                    .findIn(current.recoveryCodeHashes(), codeHash)
                    .map(hit -> {
                        consumed.set(true);
                        return current.withoutRecoveryCode(hit);
                    })
                    .orElse(current));
            return consumed.get();
        });
    }

    @Override
    public Mono<Boolean> advanceTotpStep(String account, long step) {
        return Mono.fromSupplier(() -> {
            AtomicBoolean advanced = new AtomicBoolean();
            factors.computeIfPresent(account, (key, current) -> {
                if (step <= current.lastTotpStep()) {
                    return current;
                }
                advanced.set(true);
                return current.withLastTotpStep(step);
            });
            return advanced.get();
        });
    }

    @Override
    public Mono<Boolean> replaceRecoveryCodes(String account, Set<String> codeHashes) {
        return Mono.fromSupplier(() -> factors.computeIfPresent(account,
                (key, current) -> current.withRecoveryCodeHashes(codeHashes)) != null);
    }

    @Override
    public Mono<Void> delete(String account) {
        return Mono.fromRunnable(() -> factors.remove(account));
    }
}
