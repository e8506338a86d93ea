package io.registryguard.risk;

import io.registryguard.policy.AccountNames;
import io.registryguard.policy.risk.NoveltySettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import reactor.core.publisher.Mono;

/**
 * What an account does next matters more than counters: a first login from a subnet or client family the
 * account never used, or a login to an account dormant for months. An account the guard has never seen log in
 * is not novel (everything would be, on the day the guard is installed).
 */
public final class NoveltySignal implements RiskSignal, LoginOutcomeListener {

    private final AccountHistory history;
    private final NoveltySettings settings;

    public NoveltySignal(AccountHistory history, NoveltySettings settings) {
        this.history = Objects.requireNonNull(history, "history");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Mono<List<WeightedReason>> evaluate(LoginAttempt attempt) {
        String username = username(attempt);
        if (username == null) {
            return Mono.just(List.of());
        }
        return history.profile(username).map(profile -> {
            if (!profile.known()) {
                return List.<WeightedReason>of();
            }
            List<WeightedReason> reasons = new ArrayList<>(3);
            if (!profile.subnets().contains(attempt.subnetKey())) {
                reasons.add(WeightedReason.of(RiskReason.NOVEL_ADDRESS, settings.novelAddressWeight()));
            }
            if (!profile.agentFamilies().contains(UserAgentFamily.of(attempt.userAgent()))) {
                reasons.add(WeightedReason.of(RiskReason.NOVEL_USER_AGENT, settings.novelAgentWeight()));
            }
            if (Duration.between(profile.lastLogin(), attempt.time()).compareTo(settings.dormantAfter()) >= 0) {
                reasons.add(WeightedReason.of(RiskReason.DORMANT_ACCOUNT, settings.dormantWeight()));
            }
            return List.copyOf(reasons);
        });
    }

    /** Remembers successful logins only: an attacker's failures must not make its subnet familiar. */
    @Override
    public Mono<Void> outcome(LoginAttempt attempt, boolean failed) {
        String username = username(attempt);
        if (failed || username == null) {
            return Mono.empty();
        }
        return history.recordSuccess(username, attempt.subnetKey(), UserAgentFamily.of(attempt.userAgent()),
                attempt.time());
    }

    private static String username(LoginAttempt attempt) {
        String username = attempt.username();
        return username == null || username.isBlank() ? null : AccountNames.DEFAULT.key(username);
    }
}
