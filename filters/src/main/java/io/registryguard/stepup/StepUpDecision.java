package io.registryguard.stepup;

/** What {@link StepUpGuard#check} decided: let the request through, or ask for a fresh second factor. */
public sealed interface StepUpDecision permits StepUpDecision.Allowed, StepUpDecision.Challenged {

    boolean allowed();

    /** The token satisfied the route; a single-use token has been burned. */
    record Allowed(StepUpClaims claims) implements StepUpDecision {

        @Override
        public boolean allowed() {
            return true;
        }
    }

    /**
     * The request needs a (new) step-up.
     *
     * @param reason          for the audit trail only, never for the client
     * @param wwwAuthenticate the RFC 9470 {@code WWW-Authenticate} value to answer an API client with
     */
    record Challenged(StepUpRejection reason, String wwwAuthenticate) implements StepUpDecision {

        @Override
        public boolean allowed() {
            return false;
        }
    }
}
