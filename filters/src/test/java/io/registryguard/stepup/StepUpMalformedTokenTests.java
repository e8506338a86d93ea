package io.registryguard.stepup;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Garbage is a challenge like any other bad token: no exception reaches the caller. */
class StepUpMalformedTokenTests {

    private final StepUpFixture fx = new StepUpFixture();

    @Test
    void checkWhenNoTokenThenChallengedAsMissing() {
        assertThat(fx.reason(null)).isEqualTo(StepUpRejection.MISSING);
    }

    @Test
    void checkWhenChallengedForAnyReasonThenSameHeader() {
        StepUpDecision missing = fx.check(null);
        StepUpDecision garbage = fx.check("garbage");

        assertThat(missing).isInstanceOf(StepUpDecision.Challenged.class);
        assertThat(((StepUpDecision.Challenged) missing).wwwAuthenticate())
                .isEqualTo(((StepUpDecision.Challenged) garbage).wwwAuthenticate())
                .isEqualTo(StepUpChallenge.forRequirement(StepUpFixture.FIVE_MINUTES_OTP_OR_HWK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "a.b", "a.b.c.d", "a.b.c.d.e", "..", "a..c", ".b.c",
            "eyJhbGciOiJFUzI1NiJ9.e30=.c2ln", "eyJhbGciOiJFUzI1NiJ9 .e30.c2ln", "ey+J.e30.c2ln",
            "e30.e30.c2ln", "W10.e30.c2ln", "eyJhbGciOjF9.e30.c2ln", "bm90IGpzb24.e30.c2ln"})
    void verifyWhenMalformedThenRejectedWithoutException(String token) {
        assertThat(fx.reason(token)).isEqualTo(StepUpRejection.MALFORMED);
    }

    @Test
    void verifyWhenJweShapedThenMalformed() {
        String own = fx.issue();

        assertThat(fx.reason(own + ".x.y")).isEqualTo(StepUpRejection.MALFORMED);
    }

    @Test
    void verifyWhenPayloadIsNotJsonButSignedByUsThenMalformed() throws Exception {
        // Only reachable with our own key, and still no exception.
        JWSObject object = new JWSObject(fx.header().build(), new Payload("not json"));
        object.sign(StepUpFixture.signer(fx.signingKey()));

        assertThat(fx.reason(object.serialize())).isEqualTo(StepUpRejection.MALFORMED);
    }

    @Test
    void verifyWhenOversizedThenRejectedBeforeParsing() {
        String own = fx.issue();
        String padded = own + "A".repeat(CompactJws.MAX_LENGTH - own.length() + 1);

        assertThat(padded).hasSize(CompactJws.MAX_LENGTH + 1);
        assertThat(fx.reason(padded)).isEqualTo(StepUpRejection.OVERSIZED);
    }

    @Test
    void verifyWhenExactlyAtSizeLimitThenJudgedOnItsMerits() {
        String own = fx.issue();
        String padded = own + "A".repeat(CompactJws.MAX_LENGTH - own.length());

        assertThat(padded).hasSize(CompactJws.MAX_LENGTH);
        assertThat(fx.reason(padded)).isEqualTo(StepUpRejection.BAD_SIGNATURE);
    }

    @Test
    void verifyWhenHugeThenOversizedNotMalformed() {
        assertThat(fx.reason("x".repeat(1_000_000))).isEqualTo(StepUpRejection.OVERSIZED);
    }
}
