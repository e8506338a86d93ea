package io.registryguard.stepup;

import io.registryguard.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A guard on a hand-moved clock with a fresh key set, and the pieces to craft tokens it did not mint:
 * valid defaults that a test changes one at a time.
 */
final class StepUpFixture {

    static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");
    static final String SUBJECT = "alice";
    static final String SESSION = "session-1";
    /** The route the fixture's tokens are minted for, and the route its checks stand on. */
    static final String ROUTE = "token-create";
    static final StepUpRequirement FIVE_MINUTES_OTP_OR_HWK =
            StepUpRequirement.of(Duration.ofMinutes(5), Set.of(StepUpAmr.OTP, StepUpAmr.HWK), false);

    final MutableClock clock = new MutableClock(T0);
    final StepUpSettings settings = StepUpSettings.defaults();
    final AtomicReference<StepUpKeySet> keys = new AtomicReference<>(StepUpKeyGenerator.generate(clock));
    final InMemoryJtiStore jtiStore = new InMemoryJtiStore(clock);
    final StepUpGuard guard = new StepUpGuard(keys::get, settings, jtiStore, clock);

    ECKey signingKey() {
        return keys.get().keys().get(0);
    }

    /** The header the guard's own tokens have. */
    JWSHeader.Builder header() {
        return new JWSHeader.Builder(JWSAlgorithm.ES256).type(StepUpTokenIssuer.TYPE).keyID(signingKey().getKeyID());
    }

    /** The claims the guard's own tokens have, issued and factor-proven now. */
    JWTClaimsSet.Builder claims() {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .subject(SUBJECT)
                .claim("sid", SESSION)
                .claim("route", ROUTE)
                .claim("auth_time", now.getEpochSecond())
                .claim("amr", List.of(StepUpAmr.OTP))
                .claim("acr", StepUpAmr.OTP)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.tokenLifetime())))
                .jwtID("jti-" + now.toEpochMilli());
    }

    String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** Signed with the guard's own signing key: everything else about it is the test's choice. */
    String signOurs(JWSHeader header, JWTClaimsSet claims) {
        return sign(header, claims, signer(signingKey()));
    }

    String signOurs(JWTClaimsSet claims) {
        return signOurs(header().build(), claims);
    }

    String issue() {
        return guard.issue(SUBJECT, SESSION, ROUTE, clock.instant(), Set.of(StepUpAmr.OTP));
    }

    StepUpDecision check(StepUpRequirement requirement, String token) {
        return guard.check(requirement, ROUTE, SESSION, SUBJECT, Optional.ofNullable(token)).block();
    }

    StepUpDecision check(String token) {
        return check(FIVE_MINUTES_OTP_OR_HWK, token);
    }

    /** The audit reason of a challenge, or {@code null} when the token was allowed. */
    StepUpRejection reason(StepUpRequirement requirement, String token) {
        StepUpDecision decision = check(requirement, token);
        return decision instanceof StepUpDecision.Challenged challenged ? challenged.reason() : null;
    }

    StepUpRejection reason(String token) {
        return reason(FIVE_MINUTES_OTP_OR_HWK, token);
    }

    static JWSSigner signer(ECKey key) {
        try {
            return new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
