package io.registryguard.stepup;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * Makes step-up signing keys: EC P-256, {@code use: sig}, {@code alg: ES256}, with the creation time as
 * the JWK's {@code iat} (for the operator's eyes; order, not {@code iat}, decides which key signs) and a
 * {@code kid} of that time plus the start of the key's RFC 7638 thumbprint, e.g.
 * {@code 20260501T120000Z-Xq3k9aP0}.
 */
public final class StepUpKeyGenerator {

    private static final DateTimeFormatter KID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private StepUpKeyGenerator() {
    }

    /** A fresh set of one key: what the demo and a first install start from. */
    public static StepUpKeySet generate(Clock clock) {
        return StepUpKeySet.of(List.of(newKey(clock.instant())));
    }

    /** The same keys with a new signing key in front; the old ones keep verifying the tokens they signed. */
    static StepUpKeySet rotate(StepUpKeySet current, Clock clock) {
        List<ECKey> keys = new ArrayList<>();
        keys.add(newKey(clock.instant()));
        keys.addAll(current.keys());
        return StepUpKeySet.of(keys);
    }

    static ECKey newKey(Instant now) {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .issueTime(Date.from(now))
                    .generate();
            String kid = KID_TIME.format(now) + "-" + key.computeThumbprint().toString().substring(0, 8);
            return new ECKey.Builder(key).keyID(kid).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("this JVM cannot generate EC P-256 keys", e);
        }
    }
}
