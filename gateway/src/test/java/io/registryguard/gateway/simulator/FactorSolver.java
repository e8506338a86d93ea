package io.registryguard.gateway.simulator;

import java.util.Optional;

/** How a client answers the gateway's second-factor pages: a user with an app and a mailbox, or a guesser. */
interface FactorSolver {

    /** A code for the TOTP form, or empty to give up. */
    Optional<String> factorCode();

    /** Whether to have a code emailed (again). */
    boolean requestEmailCode();

    /** A code for the emailed-code form, or empty to stop trying this code. */
    Optional<String> emailCode();

    /** The code an authenticator shows for the secret on the enrollment page, or empty to give up. */
    Optional<String> enrollmentCode(String base32Secret);
}
