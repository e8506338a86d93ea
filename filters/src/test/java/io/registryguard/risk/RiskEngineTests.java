package io.registryguard.risk;

import io.registryguard.policy.risk.RiskAction;
import io.registryguard.policy.risk.RiskThresholds;
import io.registryguard.policy.risk.SignalFailMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class RiskEngineTests {

    private static final LoginAttempt ATTEMPT = LoginAttempt.of(Instant.parse("2024-03-25T10:00:00Z"), "203.0.113.7",
            "203.0.113.0/24", "alice");

    private final RecordingMetrics metrics = new RecordingMetrics();

    @Test
    void assessWhenTwoSignalsFindReasonsThenWeightsAddUpHeaviestFirst() {
        RiskEngine engine = engine(
                NamedSignal.ignoringErrors("a", finds(RiskReason.SCRIPTED_CLIENT, 20)),
                NamedSignal.ignoringErrors("b", finds(RiskReason.USERNAME_TRAVERSAL_IP, 40)));

        RiskAssessment assessment = engine.assess(ATTEMPT).block();

        assertThat(assessment.score()).isEqualTo(60);
        assertThat(assessment.reasonIds()).containsExactly("username-traversal-ip", "scripted-client");
        assertThat(assessment.action()).isEqualTo(RiskAction.THROTTLE);
        assertThat(metrics.actions).containsExactly(RiskAction.THROTTLE);
    }

    @Test
    void assessWhenNoSignalFindsAnythingThenAllowWithScoreZero() {
        RiskEngine engine = engine(NamedSignal.ignoringErrors("quiet", attempt -> Mono.just(List.of())),
                NamedSignal.ignoringErrors("empty", attempt -> Mono.empty()));

        RiskAssessment assessment = engine.assess(ATTEMPT).block();

        assertThat(assessment.score()).isZero();
        assertThat(assessment.reasons()).isEmpty();
        assertThat(assessment.action()).isEqualTo(RiskAction.ALLOW);
    }

    @Test
    void assessWhenSignalErrorsAndFailModeIgnoreThenScoreZeroAndFailureCounted() {
        RiskEngine engine = engine(NamedSignal.ignoringErrors("redis", failing()));

        RiskAssessment assessment = engine.assess(ATTEMPT).block();

        assertThat(assessment.score()).isZero();
        assertThat(metrics.failures).containsExactly("redis:ignored");
    }

    @Test
    void assessWhenSignalErrorsAndFailModeRiskyThenConfiguredWeightAdded() {
        RiskEngine engine = engine(new NamedSignal("hibp", failing(), SignalFailMode.risky(35)),
                NamedSignal.ignoringErrors("ok", finds(RiskReason.SCRIPTED_CLIENT, 10)));

        RiskAssessment assessment = engine.assess(ATTEMPT).block();

        assertThat(assessment.score()).isEqualTo(45);
        assertThat(assessment.has(RiskReason.SIGNAL_UNAVAILABLE)).isTrue();
        assertThat(assessment.action()).isEqualTo(RiskAction.REQUIRE_EMAIL);
        assertThat(metrics.failures).containsExactly("hibp:risky");
    }

    @Test
    void assessWhenSignalNeverAnswersThenTimeoutFollowsFailMode() {
        RiskEngine engine = new RiskEngine(List.of(new NamedSignal("hung", attempt -> Mono.never(),
                SignalFailMode.risky(100))), RiskThresholds.DEFAULTS, Duration.ofMillis(50), metrics);

        RiskAssessment assessment = engine.assess(ATTEMPT).block(Duration.ofSeconds(5));

        assertThat(assessment.action()).isEqualTo(RiskAction.BLOCK);
        assertThat(metrics.failures).containsExactly("hung:risky");
    }

    @Test
    void assessWhenSignalsAreSlowThenAllSubscribedBeforeAnyAnswers() {
        AtomicInteger subscribed = new AtomicInteger();
        Sinks.One<List<WeightedReason>> first = Sinks.one();
        Sinks.One<List<WeightedReason>> second = Sinks.one();
        RiskEngine engine = engine(
                NamedSignal.ignoringErrors("first", a -> first.asMono().doOnSubscribe(s -> subscribed.incrementAndGet())),
                NamedSignal.ignoringErrors("second", a -> second.asMono().doOnSubscribe(s -> subscribed.incrementAndGet())));

        var result = engine.assess(ATTEMPT).toFuture();

        assertThat(subscribed).hasValue(2);
        assertThat(result).isNotDone();
        second.tryEmitValue(List.of(WeightedReason.of(RiskReason.BREACHED_PASSWORD, 30)));
        first.tryEmitValue(List.of());
        assertThat(result.join().score()).isEqualTo(30);
    }

    @Test
    void constructWhenTwoSignalsShareANameThenRejectedNamingThem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> engine(NamedSignal.ignoringErrors("x", finds(RiskReason.SCRIPTED_CLIENT, 1)),
                        NamedSignal.ignoringErrors("x", finds(RiskReason.SCRIPTED_CLIENT, 1))))
                .withMessageContaining("unique").withMessageContaining("x");
    }

    private RiskEngine engine(NamedSignal... signals) {
        return new RiskEngine(List.of(signals), RiskThresholds.DEFAULTS, Duration.ofSeconds(1), metrics);
    }

    private static RiskSignal finds(RiskReason reason, int weight) {
        return attempt -> Mono.just(List.of(WeightedReason.of(reason, weight)));
    }

    private static RiskSignal failing() {
        return attempt -> Mono.error(new IllegalStateException("store down"));
    }

    private static final class RecordingMetrics implements RiskMetrics {
        final List<RiskAction> actions = new ArrayList<>();
        final List<String> failures = new ArrayList<>();

        @Override
        public synchronized void assessed(RiskAssessment assessment) {
            actions.add(assessment.action());
        }

        @Override
        public synchronized void signalFailed(String signal, boolean treatedAsRisky) {
            failures.add(signal + ":" + (treatedAsRisky ? "risky" : "ignored"));
        }
    }
}
