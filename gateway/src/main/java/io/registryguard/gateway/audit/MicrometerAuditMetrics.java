package io.registryguard.gateway.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.registryguard.audit.AuditMetrics;

/**
 * {@code guard_audit_events_total{type}} (every recorded event, stored or not), {@code guard_stepup_total{result}}
 * and {@code guard_sensitive_actions_total{decision}} (the dashboard's panels), and
 * {@code guard_audit_write_errors_total} (events the store failed to keep; their log lines exist). Types are chosen
 * by the code, never by a client, so the tag stays a short list.
 */
final class MicrometerAuditMetrics implements AuditMetrics {

    private final MeterRegistry meters;
    private final Counter writeErrors;

    MicrometerAuditMetrics(MeterRegistry meters) {
        this.meters = meters;
        // Present from the start, so an alert on it sees zero rather than nothing.
        this.writeErrors = Counter.builder("guard.audit.write.errors")
                .description("Audit events logged but not kept by the store (Redis unreachable or slow)")
                .register(meters);
    }

    @Override
    public void recorded(String type) {
        Counter.builder("guard.audit.events").tag("type", type).description("Audit events recorded, by type")
                .register(meters).increment();
        // the dashboard's step-up and sensitive-action panels
        if (type.startsWith("stepup.")) {
            Counter.builder("guard.stepup").tag("result", type.substring("stepup.".length()))
                    .description("Step-up attempts: granted or refused").register(meters).increment();
        } else if (type.startsWith("sensitive.")) {
            Counter.builder("guard.sensitive.actions").tag("decision", type.substring("sensitive.".length()))
                    .description("Sensitive actions: allowed or denied").register(meters).increment();
        }
    }

    @Override
    public void writeFailed() {
        writeErrors.increment();
    }
}
