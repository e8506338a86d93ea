package io.registryguard.risk;

import io.registryguard.policy.risk.FailureRatioSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import reactor.core.publisher.Mono;

/** The failure ratio of the attempt's address and subnet in the window, counted from earlier outcomes. */
public final class FailureRatioSignal implements RiskSignal, LoginOutcomeListener {

    private final AttemptCounts counts;
    private final FailureRatioSettings settings;

    public FailureRatioSignal(AttemptCounts counts, FailureRatioSettings settings) {
        this.counts = Objects.requireNonNull(counts, "counts");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Mono<List<WeightedReason>> evaluate(LoginAttempt attempt) {
        return Mono.zip(counts.counts(ip(attempt), attempt.time()), counts.counts(subnet(attempt), attempt.time()))
                .map(both -> {
                    List<WeightedReason> reasons = new ArrayList<>(2);
                    if (risky(both.getT1(), settings.ipRatio())) {
                        reasons.add(WeightedReason.of(RiskReason.FAILURE_RATIO_IP, settings.ipWeight()));
                    }
                    if (risky(both.getT2(), settings.subnetRatio())) {
                        reasons.add(WeightedReason.of(RiskReason.FAILURE_RATIO_SUBNET, settings.subnetWeight()));
                    }
                    return List.copyOf(reasons);
                });
    }

    @Override
    public Mono<Void> outcome(LoginAttempt attempt, boolean failed) {
        return Mono.when(counts.record(ip(attempt), attempt.time(), failed),
                counts.record(subnet(attempt), attempt.time(), failed));
    }

    private boolean risky(AttemptCounts.Counts window, double ratio) {
        return window.attempts() >= settings.minAttempts() && window.failureRatio() >= ratio;
    }

    private static String ip(LoginAttempt attempt) {
        return "ip:" + attempt.clientAddress();
    }

    private static String subnet(LoginAttempt attempt) {
        return "subnet:" + attempt.subnetKey();
    }
}
