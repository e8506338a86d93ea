package io.registryguard.stepup;

/**
 * Why a step-up token did not allow a request. Each value is for the audit trail only: the client is told
 * the same thing whatever the reason, so a forger learns nothing about which check caught the token.
 */
public enum StepUpRejection {

    /** No token came with the request. */
    MISSING,
    /** Longer than {@link CompactJws#MAX_LENGTH}; not even looked at. */
    OVERSIZED,
    /** Not three base64url segments, or a header or claims set that does not parse. */
    MALFORMED,
    /** {@code alg: none} in any spelling: an unsigned token. */
    ALG_NONE,
    /** An HMAC {@code alg}: the public-key-as-shared-secret confusion attack. */
    ALG_HMAC,
    /** Any other {@code alg} than ES256. */
    ALG_NOT_ALLOWED,
    /** A {@code typ} other than ours: a JWT minted for another purpose. */
    WRONG_TYPE,
    /** No {@code kid} in the header. */
    KID_MISSING,
    /** A {@code kid} that is not in the current key set (a retired key, or a forger's). */
    KID_UNKNOWN,
    /** The signature does not verify with the key the header names. */
    BAD_SIGNATURE,
    /** A signed token that lacks a claim every step-up token has. */
    MISSING_CLAIM,
    /** Past {@code exp}, beyond the clock skew. */
    EXPIRED,
    /** {@code iat} or {@code auth_time} in the future, beyond the clock skew. */
    NOT_YET_VALID,
    WRONG_ISSUER,
    WRONG_AUDIENCE,
    /** Issued to another account. */
    WRONG_SUBJECT,
    /** Bound to another guard session ({@code sid}). */
    WRONG_SESSION,
    /**
     * Minted for another route than this max-age 0 one: a factor proven for one action does not stand in for
     * one that demands a factor for itself alone (issue 11: a token-creation step-up deleted a project).
     */
    WRONG_ROUTE,
    /** The second factor was proven longer ago than the route's max-age allows. */
    AUTH_TOO_OLD,
    /** None of the token's {@code amr} values is accepted by the route. */
    AMR_NOT_ACCEPTED,
    /** A single-use token whose {@code jti} was already burned. */
    REPLAYED
}
