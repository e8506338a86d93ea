package io.registryguard.risk;

import io.registryguard.policy.risk.RiskThresholds;
import io.registryguard.policy.risk.SignalFailMode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs every signal on an attempt concurrently, adds up the weights of what they found and maps the score to an
 * action. A signal that errors or exceeds {@code signalTimeout} follows its {@link SignalFailMode}; the engine
 * itself never errors.
 */
public final class RiskEngine {

    private static final Logger log = LoggerFactory.getLogger(RiskEngine.class);

    private final List<NamedSignal> signals;
    private final RiskThresholds thresholds;
    private final Duration signalTimeout;
    private final RiskMetrics metrics;

    public RiskEngine(List<NamedSignal> signals, RiskThresholds thresholds, Duration signalTimeout,
            RiskMetrics metrics) {
        this.signals = List.copyOf(signals);
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.signalTimeout = Objects.requireNonNull(signalTimeout, "signal-timeout");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        if (signalTimeout.isNegative() || signalTimeout.isZero()) {
            throw new IllegalArgumentException("signal-timeout must be > 0, was " + signalTimeout);
        }
        long distinct = this.signals.stream().map(NamedSignal::name).distinct().count();
        if (distinct != this.signals.size()) {
            throw new IllegalArgumentException("signal names must be unique: " + this.signals.stream()
                    .map(NamedSignal::name).toList());
        }
    }

    public RiskThresholds thresholds() {
        return thresholds;
    }

    public Mono<RiskAssessment> assess(LoginAttempt attempt) {
        Objects.requireNonNull(attempt, "attempt");
        return Flux.fromIterable(signals)
                .flatMap(named -> evaluate(named, attempt), Math.max(1, signals.size()))
                .collectList()
                .map(this::assessment)
                .doOnNext(assessment -> metrics.assessed(assessment));
    }

    private Mono<List<WeightedReason>> evaluate(NamedSignal named, LoginAttempt attempt) {
        return Mono.defer(() -> named.signal().evaluate(attempt))
                .timeout(signalTimeout)
                .defaultIfEmpty(List.of())
                .onErrorResume(error -> {
                    SignalFailMode mode = named.onError();
                    metrics.signalFailed(named.name(), mode.treatAsRisky());
                    log.warn("risk signal {} failed ({}); {}", named.name(), error.toString(),
                            mode.treatAsRisky() ? "counted as risky" : "ignored");
                    return Mono.just(mode.treatAsRisky()
                            ? List.of(WeightedReason.of(RiskReason.SIGNAL_UNAVAILABLE, mode.weight()))
                            : List.of());
                });
    }

    private RiskAssessment assessment(List<List<WeightedReason>> found) {
        List<WeightedReason> reasons = new ArrayList<>();
        found.forEach(reasons::addAll);
        return RiskAssessment.of(reasons, thresholds);
    }
}
