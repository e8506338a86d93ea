package io.registryguard.gateway.risk;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.registryguard.policy.risk.RiskAction;
import io.registryguard.risk.RiskAssessment;
import io.registryguard.risk.RiskMetrics;
import io.registryguard.risk.WeightedReason;

/**
 * {@code guard_risk_decisions_total{action,reason}}: one per scored attempt and reason that fired ({@code reason=none}
 * when none did), and one per accepted password found breached ({@code reason=breached-password}); the dashboard's
 * panel. {@code guard_risk_signal_errors_total{signal,mode}}, {@code guard_risk_under_attack} (1 while on) and
 * {@code guard_risk_enrollment_bursts_total{result}}. Tags come from enums and signal names, never from a client.
 */
final class MicrometerRiskMetrics implements RiskMetrics {

    private final MeterRegistry meters;
    private final AtomicInteger underAttack = new AtomicInteger();

    MicrometerRiskMetrics(MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder("guard.risk.under.attack", underAttack, AtomicInteger::get)
                .description("1 while this node's login failure ratio is far above its moving baseline")
                .register(meters);
    }

    @Override
    public void assessed(RiskAssessment assessment) {
        String action = id(assessment.action());
        if (assessment.reasons().isEmpty()) {
            decision(action, "none");
            return;
        }
        for (WeightedReason reason : assessment.reasons()) {
            decision(action, reason.reason().id());
        }
    }

    @Override
    public void breachedAfterAcceptance(RiskAction action) {
        decision(id(action), "breached-password");
    }

    @Override
    public void signalFailed(String signal, boolean treatedAsRisky) {
        Counter.builder("guard.risk.signal.errors").tag("signal", signal).tag("mode", treatedAsRisky ? "risky" : "ignore")
                .description("Risk signals that failed or timed out, by the fail mode applied").register(meters)
                .increment();
    }

    @Override
    public void underAttackChanged(boolean on) {
        underAttack.set(on ? 1 : 0);
    }

    @Override
    public void enrollmentDuringBurst(boolean refused) {
        Counter.builder("guard.risk.enrollment.bursts").tag("result", refused ? "refused" : "allowed")
                .description("First-factor enrollments started during a burst across accounts").register(meters)
                .increment();
    }

    private void decision(String action, String reason) {
        Counter.builder("guard.risk.decisions").tag("action", action).tag("reason", reason)
                .description("Login risk decisions, by action and reason").register(meters).increment();
    }

    private static String id(RiskAction action) {
        return action.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
