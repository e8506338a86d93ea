package io.registryguard.stepup;

/**
 * A token failed a check. Thrown and caught inside this package only, so a rejection reads as one line
 * where it happens; it carries no stack trace and no part of the token.
 */
final class StepUpTokenRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient StepUpRejection reason;

    StepUpTokenRejected(StepUpRejection reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    StepUpRejection reason() {
        return reason;
    }
}
