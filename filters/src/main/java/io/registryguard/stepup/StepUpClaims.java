package io.registryguard.stepup;

import java.time.Instant;
import java.util.Set;

/**
 * The verified contents of a step-up token. Holds no secret: the token itself is the bearer credential,
 * and it is never kept here.
 *
 * @param subject   {@code sub}: the account
 * @param sessionId {@code sid}: the guard session the token is bound to
 * @param route     {@code route}: the policy rule name of the action the factor was proven for
 * @param authTime  {@code auth_time}: when the second factor was proven
 * @param amr       {@code amr}: how it was proven
 * @param acr       {@code acr}: the strongest of those methods
 * @param issuedAt  {@code iat}
 * @param expiresAt {@code exp}
 * @param tokenId   {@code jti}
 */
public record StepUpClaims(String subject, String sessionId, String route, Instant authTime, Set<String> amr, String acr,
        Instant issuedAt, Instant expiresAt, String tokenId) {

    public StepUpClaims {
        amr = Set.copyOf(amr);
    }

    /** Without the session id: whether it is secret is the session's business, so it stays out of logs. */
    @Override
    public String toString() {
        return "StepUpClaims[subject=" + subject + ", route=" + route + ", amr=" + amr + ", acr=" + acr + ", authTime=" + authTime
                + ", issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "]";
    }
}
