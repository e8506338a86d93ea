package io.registryguard.stepup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.PlainJWT;
import org.junit.jupiter.api.Test;

/** Tokens a forger would try: each is refused, and for the reason that names the attack. */
class StepUpTokenAttackTests {

    private final StepUpFixture fx = new StepUpFixture();

    @Test
    void checkWhenOwnTokenThenAllowedWithClaims() {
        StepUpDecision decision = fx.check(fx.issue());

        assertThat(decision).isInstanceOf(StepUpDecision.Allowed.class);
        StepUpClaims claims = ((StepUpDecision.Allowed) decision).claims();
        assertThat(claims.subject()).isEqualTo(StepUpFixture.SUBJECT);
        assertThat(claims.sessionId()).isEqualTo(StepUpFixture.SESSION);
        assertThat(claims.amr()).containsExactly(StepUpAmr.OTP);
    }

    @Test
    void verifyWhenAlgNoneThenRejected() {
        String token = new PlainJWT(fx.claims().build()).serialize();

        assertThat(fx.reason(token)).isEqualTo(StepUpRejection.ALG_NONE);
    }

    @Test
    void verifyWhenAlgNoneSpelledDifferentlyWithSignatureThenRejected() {
        String own = fx.issue();
        String header = b64("{\"alg\":\"nOnE\",\"typ\":\"guard-step-up+jwt\",\"kid\":\"" + fx.signingKey().getKeyID() + "\"}");
        String forged = header + own.substring(own.indexOf('.'));

        assertThat(fx.reason(forged)).isEqualTo(StepUpRejection.ALG_NONE);
    }

    @Test
    void verifyWhenHs256SignedWithPublicKeyBytesThenRejected() throws Exception {
        byte[] publicKeyBytes = fx.signingKey().toECPublicKey().getEncoded();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(StepUpTokenIssuer.TYPE).keyID(fx.signingKey().getKeyID()).build();

        String token = fx.sign(header, fx.claims().build(), new MACSigner(publicKeyBytes));

        assertThat(fx.reason(token)).isEqualTo(StepUpRejection.ALG_HMAC);
    }

    @Test
    void verifyWhenHs256SignedWithPublicJwkJsonThenRejected() throws Exception {
        byte[] jwkBytes = fx.signingKey().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS512)
                .type(StepUpTokenIssuer.TYPE).keyID(fx.signingKey().getKeyID()).build();

        String token = fx.sign(header, fx.claims().build(), new MACSigner(jwkBytes));

        assertThat(fx.reason(token)).isEqualTo(StepUpRejection.ALG_HMAC);
    }

    @Test
    void verifyWhenAlgOtherThanEs256ThenRejected() {
        String own = fx.issue();
        String header = b64("{\"alg\":\"ES512\",\"typ\":\"guard-step-up+jwt\",\"kid\":\"" + fx.signingKey().getKeyID() + "\"}");
        String forged = header + own.substring(own.indexOf('.'));

        assertThat(fx.reason(forged)).isEqualTo(StepUpRejection.ALG_NOT_ALLOWED);
    }

    @Test
    void verifyWhenForeignKeyClaimsOurKidThenBadSignature() {
        ECKey foreign = StepUpKeyGenerator.newKey(fx.clock.instant());

        String token = fx.sign(fx.header().build(), fx.claims().build(), StepUpFixture.signer(foreign));

        assertThat(fx.reason(token)).isEqualTo(StepUpRejection.BAD_SIGNATURE);
    }

    @Test
    void verifyWhenForeignKeyWithItsOwnKidThenUnknownKid() {
        ECKey foreign = StepUpKeyGenerator.newKey(fx.clock.instant());
        JWSHeader header = fx.header().keyID(foreign.getKeyID()).build();

        String token = fx.sign(header, fx.claims().build(), StepUpFixture.signer(foreign));

        assertThat(fx.reason(token)).isEqualTo(StepUpRejection.KID_UNKNOWN);
    }

    @Test
    void verifyWhenForeignKeyEmbeddedInHeaderThenItIsNotTrusted() {
        ECKey foreign = StepUpKeyGenerator.newKey(fx.clock.instant());
        JWSHeader header = fx.header().keyID(foreign.getKeyID()).jwk(foreign.toPublicJWK()).build();

        String token = fx.sign(header, fx.claims().build(), StepUpFixture.signer(foreign));

        assertThat(fx.reason(token)).isEqualTo(StepUpRejection.KID_UNKNOWN);
    }

    @Test
    void verifyWhenKidMissingThenRejected() {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(StepUpTokenIssuer.TYPE).build();

        String token = fx.signOurs(header, fx.claims().build());

        assertThat(fx.reason(token)).isEqualTo(StepUpRejection.KID_MISSING);
    }

    @Test
    void verifyWhenKidSwappedToAnotherOfOurKeysThenBadSignature() {
        fx.keys.set(StepUpKeyGenerator.rotate(fx.keys.get(), fx.clock));
        ECKey older = fx.keys.get().keys().get(1);
        JWSHeader header = fx.header().keyID(older.getKeyID()).build();

        String token = fx.signOurs(header, fx.claims().build());

        assertThat(fx.reason(token)).isEqualTo(StepUpRejection.BAD_SIGNATURE);
    }

    @Test
    void verifyWhenPayloadTamperedWithOriginalSignatureThenBadSignature() {
        String[] own = fx.issue().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(own[1]), StandardCharsets.UTF_8);
        String tampered = payload.replace("\"sub\":\"alice\"", "\"sub\":\"mallory\"");
        assertThat(tampered).isNotEqualTo(payload);

        String forged = own[0] + "." + b64(tampered) + "." + own[2];

        StepUpDecision decision = fx.guard.check(StepUpFixture.FIVE_MINUTES_OTP_OR_HWK, StepUpFixture.ROUTE, StepUpFixture.SESSION,
                "mallory", Optional.of(forged)).block();
        assertThat(decision).isInstanceOfSatisfying(StepUpDecision.Challenged.class,
                c -> assertThat(c.reason()).isEqualTo(StepUpRejection.BAD_SIGNATURE));
    }

    @Test
    void verifyWhenSignatureAllZeroThenBadSignature() {
        // CVE-2022-21449 ("psychic signatures"): r = s = 0 verified on some JDKs.
        String[] own = fx.issue().split("\\.");
        String zeros = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]);

        assertThat(fx.reason(own[0] + "." + own[1] + "." + zeros)).isEqualTo(StepUpRejection.BAD_SIGNATURE);
    }

    @Test
    void verifyWhenSignatureStrippedThenBadSignature() {
        String own = fx.issue();

        assertThat(fx.reason(own.substring(0, own.lastIndexOf('.') + 1))).isEqualTo(StepUpRejection.BAD_SIGNATURE);
    }

    @Test
    void verifyWhenTypeOfAnotherJwtThenRejected() {
        JWSHeader header = fx.header().type(JOSEObjectType.JWT).build();

        assertThat(fx.reason(fx.signOurs(header, fx.claims().build()))).isEqualTo(StepUpRejection.WRONG_TYPE);
    }

    @Test
    void verifyWhenTypeMissingThenRejected() {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(fx.signingKey().getKeyID()).build();

        assertThat(fx.reason(fx.signOurs(header, fx.claims().build()))).isEqualTo(StepUpRejection.WRONG_TYPE);
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
