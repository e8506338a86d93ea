package io.registryguard.audit;

/** What was decided about the request an {@link AuditEvent} describes. */
public enum AuditDecision {

    /** Let through: a login that succeeded, a factor accepted, a sensitive action with a valid step-up. */
    ALLOWED("allowed"),
    /** Refused: a wrong password or code, a rate limit, a frozen account, a replayed step-up token. */
    DENIED("denied"),
    /** Neither yet: the client was asked to prove more (second factor, step-up). */
    CHALLENGED("challenged"),
    /** A fact rather than a decision: an email verified, an account frozen by an operator. */
    NONE("none");

    private final String id;

    AuditDecision(String id) {
        this.id = id;
    }

    /** The name in JSON, the log line and the stream. */
    public String id() {
        return id;
    }

    static AuditDecision fromId(String id) {
        for (AuditDecision decision : values()) {
            if (decision.id.equals(id)) {
                return decision;
            }
        }
        throw new IllegalArgumentException("decision: unknown value");
    }

    @Override
    public String toString() {
        return id;
    }
}
