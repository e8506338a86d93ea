package io.registryguard.audit;

/** What the audit trail reports; the gateway binds it to Micrometer ({@code guard_audit_events_total{type}}). */
public interface AuditMetrics {

    AuditMetrics NOOP = new AuditMetrics() {
    };

    /** An event was recorded (its log line written), whether or not the store kept it. */
    default void recorded(String type) {
    }

    /** The store failed to keep an event; its log line exists. */
    default void writeFailed() {
    }
}
