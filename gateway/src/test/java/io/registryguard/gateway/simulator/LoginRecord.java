package io.registryguard.gateway.simulator;

/** What happened to one login, from the first password post to the end of the second-factor pages. */
final class LoginRecord {

    /** The gateway sent the client on to its second-factor pages (the registry accepted the password). */
    boolean passwordAccepted;
    /** The registry's {@code session_id} reached the client: a usable registry session. */
    boolean session;
    boolean rateLimited;
    boolean forbidden;
    /** A login answer took longer than the throttle threshold (wall clock). */
    boolean throttled;
    /** The second-factor pages asked for an emailed code. */
    boolean emailStep;
    /** A factor was enrolled on the way (the session came from the enrollment page). */
    boolean enrolledFactor;
    int emailCodesRequested;
    int emailCodeGuesses;
    int factorCodeTries;
    /** How the login ended, in a few words. */
    String end = "not started";

    boolean blocked() {
        return rateLimited || forbidden;
    }
}
