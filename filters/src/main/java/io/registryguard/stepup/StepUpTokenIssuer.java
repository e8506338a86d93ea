package io.registryguard.stepup;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints step-up tokens: ES256 with the key set's signing key, explicitly typed (RFC 8725 §3.11) so no
 * other JWT the gateway might one day sign passes for one.
 */
final class StepUpTokenIssuer {

    static final JOSEObjectType TYPE = new JOSEObjectType("guard-step-up+jwt");
    static final String SID = "sid";
    static final String AUTH_TIME = "auth_time";
    static final String AMR = "amr";
    static final String ACR = "acr";
    /** The policy rule name of the action the factor was proven for (a private claim of ours). */
    static final String ROUTE = "route";

    /** 128 bits: a {@code jti} nobody can guess or collide with. */
    private static final int JTI_BYTES = 16;

    private final Supplier<StepUpKeySet> keys;
    private final StepUpSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    StepUpTokenIssuer(Supplier<StepUpKeySet> keys, StepUpSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    String issue(String subject, String sessionId, String route, Instant authTime, Set<String> amr) {
        checkText(subject, "subject");
        checkText(sessionId, "session id");
        checkText(route, "route");
        Set<String> methods = StepUpAmr.canonical(amr, "amr");
        Instant now = clock.instant();
        if (authTime == null || authTime.isAfter(now)) {
            throw new IllegalArgumentException("auth time must be a moment that has passed, was " + authTime);
        }
        StepUpKeySet keySet = keys.get();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(TYPE)
                .keyID(keySet.signingKeyId())
                .build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .subject(subject)
                .claim(SID, sessionId)
                .claim(ROUTE, route)
                .claim(AUTH_TIME, authTime.getEpochSecond())
                .claim(AMR, new ArrayList<>(methods))
                .claim(ACR, StepUpAmr.strongest(methods))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.tokenLifetime())))
                .jwtID(newTokenId())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(keySet.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a step-up token with kid " + keySet.signingKeyId(), e);
        }
        return jwt.serialize();
    }

    private String newTokenId() {
        byte[] bytes = new byte[JTI_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void checkText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
