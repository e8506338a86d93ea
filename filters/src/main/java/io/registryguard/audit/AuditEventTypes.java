package io.registryguard.audit;

/**
 * The event types the gateway records. A type is dotted lower-case words ({@code area.outcome}); new ones need no
 * change here, but naming them once keeps dashboards and queries stable.
 */
public final class AuditEventTypes {

    public static final String LOGIN_SUCCESS = "login.success";
    public static final String LOGIN_FAILURE = "login.failure";
    /** Refused by the gateway before the registry heard of it: a limit, the risk engine, a frozen account. */
    public static final String LOGIN_REFUSED = "login.refused";
    /**
     * The registry accepted a password, but the account it authenticated was not the one typed (or could not be
     * told): nothing was released. Details: typed and probed account; reason mismatch, no-account, timeout or
     * probe-failed.
     */
    public static final String LOGIN_IDENTITY_MISMATCH = "login.identity-mismatch";
    public static final String SECOND_FACTOR_ACCEPTED = "second-factor.accepted";
    public static final String SECOND_FACTOR_REFUSED = "second-factor.refused";
    public static final String EMAIL_VERIFIED = "email.verified";
    public static final String FACTOR_ENROLLED = "factor.enrolled";
    public static final String STEPUP_GRANTED = "stepup.granted";
    public static final String STEPUP_REFUSED = "stepup.refused";
    public static final String SENSITIVE_ALLOWED = "sensitive.allowed";
    public static final String SENSITIVE_DENIED = "sensitive.denied";
    public static final String ADMIN_FREEZE = "admin.freeze";
    public static final String ADMIN_UNFREEZE = "admin.unfreeze";
    public static final String ADMIN_UNLOCK = "admin.unlock";
    /** A request a rule could classify as non-public that the guard could not read with certainty (400). */
    public static final String REQUEST_UNREADABLE = "request.unreadable";

    private AuditEventTypes() {
    }
}
