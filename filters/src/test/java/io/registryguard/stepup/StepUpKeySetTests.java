package io.registryguard.stepup;

import io.registryguard.testsupport.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;

class StepUpKeySetTests {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void parseWhenGeneratedSetThenSameKidsInSameOrder() {
        StepUpKeySet rotated = StepUpKeyGenerator.rotate(StepUpKeyGenerator.generate(clock), clock);

        StepUpKeySet parsed = StepUpKeySet.parse(rotated.secretJwksJson());

        assertThat(parsed.keyIds()).containsExactlyElementsOf(rotated.keyIds());
        assertThat(parsed.signingKeyId()).isEqualTo(rotated.keyIds().get(0));
    }

    @Test
    void generateWhenCalledThenKidNamesTimeAndKeyIsEs256Signature() {
        ECKey key = StepUpKeyGenerator.generate(clock).keys().get(0);

        assertThat(key.getKeyID()).matches("20260501T120000Z-[A-Za-z0-9_-]{8}");
        assertThat(key.getCurve()).isEqualTo(Curve.P_256);
        assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(key.getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(key.getIssueTime().toInstant()).isEqualTo(NOW);
    }

    @Test
    void publicJwksWhenRenderedThenNoPrivateMembers() throws Exception {
        StepUpKeySet keys = StepUpKeyGenerator.rotate(StepUpKeyGenerator.generate(clock), clock);

        String jwks = keys.publicJwksJson();

        List<Object> members = JSONObjectUtils.getJSONArray(JSONObjectUtils.parse(jwks), "keys");
        assertThat(members).hasSize(2);
        for (Object member : members) {
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) member;
            assertThat(json).containsKeys("kty", "crv", "x", "y", "kid").doesNotContainKey("d");
        }
        assertThat(JWKSet.parse(jwks).containsNonPublicKeys()).isFalse();
        assertThat(jwks).doesNotContain(keys.keys().get(0).getD().toString());
    }

    @Test
    void toStringWhenPrintedThenKidsOnly() {
        StepUpKeySet keys = StepUpKeyGenerator.generate(clock);

        assertThat(keys.toString())
                .contains(keys.signingKeyId())
                .doesNotContain(keys.keys().get(0).getD().toString())
                .doesNotContain(keys.keys().get(0).getX().toString());
    }

    @Test
    void parseWhenLaterKeyIsPublicOnlyThenItStillVerifies() {
        ECKey signing = StepUpKeyGenerator.newKey(NOW);
        ECKey retired = StepUpKeyGenerator.newKey(NOW.minusSeconds(86_400));

        StepUpKeySet keys = StepUpKeySet.parse(new JWKSet(List.of(signing, retired.toPublicJWK())).toString(false));

        assertThat(keys.verifier(retired.getKeyID())).isPresent();
    }

    @Test
    void parseWhenSigningKeyIsPublicOnlyThenRejected() {
        ECKey key = StepUpKeyGenerator.newKey(NOW);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> StepUpKeySet.parse(new JWKSet(key.toPublicJWK()).toString()))
                .withMessageContaining("first key signs");
    }

    @Test
    void parseWhenKidMissingThenRejected() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> StepUpKeySet.parse(new JWKSet(key).toString(false)))
                .withMessageContaining("needs a kid");
    }

    @Test
    void parseWhenKidRepeatedThenRejected() throws Exception {
        ECKey one = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        ECKey two = new ECKeyGenerator(Curve.P_256).keyID("k").generate();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> StepUpKeySet.parse(new JWKSet(List.of(one, two)).toString(false)))
                .withMessageContaining("step-up key 2 (kid k)").withMessageContaining("earlier key");
    }

    @Test
    void parseWhenOtherCurveThenRejected() throws Exception {
        ECKey p384 = new ECKeyGenerator(Curve.P_384).keyID("k").generate();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> StepUpKeySet.parse(new JWKSet(p384).toString(false)))
                .withMessageContaining("not an EC P-256 key");
    }

    @Test
    void parseWhenSymmetricKeyThenRejectedWithoutQuotingIt() throws Exception {
        var oct = new OctetSequenceKeyGenerator(256).keyID("hmac").generate();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> StepUpKeySet.parse(new JWKSet(oct).toString(false)))
                .withMessageContaining("not an EC P-256 key")
                .withMessageNotContaining(oct.getKeyValue().toString());
    }

    @Test
    void parseWhenRsaKeyThenRejected() throws Exception {
        var rsa = new RSAKeyGenerator(2048).keyID("rsa").generate();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> StepUpKeySet.parse(new JWKSet(rsa).toString(false)))
                .withMessageContaining("step-up key 1 (kid rsa)");
    }

    @Test
    void parseWhenPrivatePartBelongsToAnotherKeyThenRejected() {
        ECKey one = StepUpKeyGenerator.newKey(NOW);
        ECKey other = StepUpKeyGenerator.newKey(NOW);
        ECKey mismatched = new ECKey.Builder(one).d(other.getD()).build();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> StepUpKeySet.parse(new JWKSet(mismatched).toString(false)))
                .withMessageContaining("does not belong")
                .withMessageNotContaining(other.getD().toString());
    }

    @Test
    void parseWhenKeyMarkedForEncryptionThenRejected() {
        ECKey key = new ECKey.Builder(StepUpKeyGenerator.newKey(NOW)).keyUse(KeyUse.ENCRYPTION).build();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> StepUpKeySet.parse(new JWKSet(key).toString(false)))
                .withMessageContaining("use must be sig");
    }

    @Test
    void parseWhenNotJsonThenRejectedWithoutQuotingTheInput() {
        String broken = "{\"keys\":[{\"kty\":\"EC\",\"d\":\"c2VjcmV0LXNlY3JldA\"";

        assertThatIllegalArgumentException()
                .isThrownBy(() -> StepUpKeySet.parse(broken))
                .withMessageContaining("not a JWK set")
                .withMessageNotContaining("c2VjcmV0LXNlY3JldA");
    }

    @Test
    void parseWhenEmptyThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> StepUpKeySet.parse("{\"keys\":[]}"))
                .withMessageContaining("no keys");
        assertThatIllegalArgumentException().isThrownBy(() -> StepUpKeySet.parse(" "))
                .withMessageContaining("empty");
        assertThatIllegalArgumentException().isThrownBy(() -> StepUpKeySet.parse("{}"))
                .withMessageContaining("no 'keys' array");
    }
}
