package io.registryguard.stepup;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Checks a step-up token against a route's requirement, the guard session and the account it arrives
 * with. The order is: shape and algorithm ({@link CompactJws}), type, key, signature, and only then the
 * claims: time, issuer and audience, binding (account, session, and the route on a max-age 0 rule), freshness,
 * method. Burning a single-use token is the
 * guard's step, after every check here has passed.
 */
final class StepUpTokenVerifier {

    private final Supplier<StepUpKeySet> keys;
    private final StepUpSettings settings;
    private final Clock clock;

    StepUpTokenVerifier(Supplier<StepUpKeySet> keys, StepUpSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param route the policy rule name of the request: on a {@link StepUpRequirement#forThisActionOnly()} rule
     *              the token must have been minted for it; on any other rule a recent factor proven for another
     *              route is enough
     */
    StepUpClaims verify(String token, StepUpRequirement requirement, String route, String sessionId, String subject)
            throws StepUpTokenRejected {
        Instant now = clock.instant();
        SignedJWT jwt = CompactJws.parse(token);
        checkSignature(jwt);
        StepUpClaims claims = read(jwt, now);
        checkTimes(claims, now);
        if (!subject.equals(claims.subject())) {
            throw new StepUpTokenRejected(StepUpRejection.WRONG_SUBJECT);
        }
        if (!sessionId.equals(claims.sessionId())) {
            throw new StepUpTokenRejected(StepUpRejection.WRONG_SESSION);
        }
        if (requirement.forThisActionOnly() && !route.equals(claims.route())) {
            throw new StepUpTokenRejected(StepUpRejection.WRONG_ROUTE);
        }
        checkFreshness(claims, requirement, now);
        if (claims.amr().stream().noneMatch(requirement.acceptedAmr()::contains)) {
            throw new StepUpTokenRejected(StepUpRejection.AMR_NOT_ACCEPTED);
        }
        return claims;
    }

    private void checkSignature(SignedJWT jwt) throws StepUpTokenRejected {
        JWSHeader header = jwt.getHeader();
        if (!StepUpTokenIssuer.TYPE.equals(header.getType())) {
            throw new StepUpTokenRejected(StepUpRejection.WRONG_TYPE);
        }
        String kid = header.getKeyID();
        if (kid == null || kid.isEmpty()) {
            throw new StepUpTokenRejected(StepUpRejection.KID_MISSING);
        }
        Optional<JWSVerifier> verifier = keys.get().verifier(kid);
        if (verifier.isEmpty()) {
            throw new StepUpTokenRejected(StepUpRejection.KID_UNKNOWN);
        }
        boolean valid;
        try {
            valid = jwt.verify(verifier.get());
        } catch (JOSEException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new StepUpTokenRejected(StepUpRejection.BAD_SIGNATURE);
        }
    }

    /** Reads the claims of a token whose signature has verified; issuer and audience first. */
    private StepUpClaims read(SignedJWT jwt, Instant now) throws StepUpTokenRejected {
        try {
            JWTClaimsSet set = jwt.getJWTClaimsSet();
            if (!settings.issuer().equals(set.getIssuer())) {
                throw new StepUpTokenRejected(StepUpRejection.WRONG_ISSUER);
            }
            List<String> audience = set.getAudience();
            if (audience == null || !audience.contains(settings.audience())) {
                throw new StepUpTokenRejected(StepUpRejection.WRONG_AUDIENCE);
            }
            String subject = set.getSubject();
            String sessionId = set.getStringClaim(StepUpTokenIssuer.SID);
            String route = set.getStringClaim(StepUpTokenIssuer.ROUTE);
            Long authTime = set.getLongClaim(StepUpTokenIssuer.AUTH_TIME);
            List<String> amr = set.getStringListClaim(StepUpTokenIssuer.AMR);
            String acr = set.getStringClaim(StepUpTokenIssuer.ACR);
            Date issuedAt = set.getIssueTime();
            Date expiresAt = set.getExpirationTime();
            String jti = set.getJWTID();
            if (subject == null || sessionId == null || route == null || authTime == null || amr == null || amr.isEmpty()
                    || issuedAt == null || expiresAt == null || jti == null || jti.isEmpty()) {
                throw new StepUpTokenRejected(StepUpRejection.MISSING_CLAIM);
            }
            // We never mint nbf, but a signed one is still a promise (RFC 7519 §4.1.5).
            Date notBefore = set.getNotBeforeTime();
            if (notBefore != null && notBefore.toInstant().isAfter(now.plus(settings.clockSkew()))) {
                throw new StepUpTokenRejected(StepUpRejection.NOT_YET_VALID);
            }
            return new StepUpClaims(subject, sessionId, route, Instant.ofEpochSecond(authTime), Set.copyOf(amr), acr,
                    issuedAt.toInstant(), expiresAt.toInstant(), jti);
        } catch (ParseException | RuntimeException e) {
            throw new StepUpTokenRejected(StepUpRejection.MALFORMED);
        }
    }

    private void checkTimes(StepUpClaims claims, Instant now) throws StepUpTokenRejected {
        Duration skew = settings.clockSkew();
        if (!now.isBefore(claims.expiresAt().plus(skew))) {
            throw new StepUpTokenRejected(StepUpRejection.EXPIRED);
        }
        Instant latest = now.plus(skew);
        if (claims.issuedAt().isAfter(latest) || claims.authTime().isAfter(latest)) {
            throw new StepUpTokenRejected(StepUpRejection.NOT_YET_VALID);
        }
    }

    /**
     * Max-age is measured from {@code auth_time}, not {@code iat}: a token minted now for a factor proven
     * an hour ago is an hour old. Max-age 0 allows {@link StepUpSettings#freshGrace()} for the round trip
     * through the step-up page, for a token minted for that very route (checked before); the requirement makes
     * such tokens single-use.
     */
    private void checkFreshness(StepUpClaims claims, StepUpRequirement requirement, Instant now)
            throws StepUpTokenRejected {
        Optional<Duration> limit = requirement.forThisActionOnly()
                ? Optional.of(settings.freshGrace()) : requirement.maxAgeLimit();
        if (limit.isPresent() && Duration.between(claims.authTime(), now).compareTo(limit.get()) > 0) {
            throw new StepUpTokenRejected(StepUpRejection.AUTH_TOO_OLD);
        }
    }
}
