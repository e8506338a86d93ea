package io.registryguard.risk;

import io.registryguard.policy.AccountNames;
import io.registryguard.policy.risk.UsernameTraversalSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import reactor.core.publisher.Mono;

/**
 * Distinct usernames per address and per subnet. Each attempt is counted as it is evaluated, before the
 * outcome is known: a stuffing run walks usernames whether its passwords are right or not.
 */
public final class UsernameTraversalSignal implements RiskSignal {

    private final DistinctUsernames store;
    private final UsernameTraversalSettings settings;

    public UsernameTraversalSignal(DistinctUsernames store, UsernameTraversalSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Mono<List<WeightedReason>> evaluate(LoginAttempt attempt) {
        if (attempt.username() == null || attempt.username().isBlank()) {
            return Mono.just(List.of());
        }
        String username = AccountNames.DEFAULT.key(attempt.username()); // one key per account
        Mono<Long> perIp = store.addAndCount("ip:" + attempt.clientAddress(), username, attempt.time());
        Mono<Long> perSubnet = store.addAndCount("subnet:" + attempt.subnetKey(), username, attempt.time());
        return Mono.zip(perIp, perSubnet).map(counts -> {
            List<WeightedReason> reasons = new ArrayList<>(2);
            if (counts.getT1() >= settings.ipThreshold()) {
                reasons.add(WeightedReason.of(RiskReason.USERNAME_TRAVERSAL_IP, settings.ipWeight()));
            }
            if (counts.getT2() >= settings.subnetThreshold()) {
                reasons.add(WeightedReason.of(RiskReason.USERNAME_TRAVERSAL_SUBNET, settings.subnetWeight()));
            }
            return List.copyOf(reasons);
        });
    }
}
