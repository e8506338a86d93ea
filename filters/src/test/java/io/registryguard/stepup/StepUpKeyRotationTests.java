package io.registryguard.stepup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

class StepUpKeyRotationTests {

    private final StepUpFixture fx = new StepUpFixture();

    @Test
    void issueWhenSeveralKeysThenFirstKeySigns() throws Exception {
        fx.keys.set(StepUpKeyGenerator.rotate(fx.keys.get(), fx.clock));

        SignedJWT jwt = SignedJWT.parse(fx.issue());

        assertThat(jwt.getHeader().getKeyID()).isEqualTo(fx.keys.get().keyIds().get(0));
        assertThat(fx.keys.get().keyIds()).hasSize(2);
    }

    @Test
    void checkWhenSignedByOldKeyStillInSetThenAllowed() {
        String oldToken = fx.issue();
        fx.clock.advance(Duration.ofSeconds(1));
        fx.keys.set(StepUpKeyGenerator.rotate(fx.keys.get(), fx.clock));

        assertThat(fx.check(oldToken).allowed()).isTrue();
        assertThat(fx.check(fx.issue()).allowed()).isTrue();
    }

    @Test
    void checkWhenOldKeyRemovedFromSetThenUnknownKid() {
        String oldToken = fx.issue();
        StepUpKeySet rotated = StepUpKeyGenerator.rotate(fx.keys.get(), fx.clock);
        List<ECKey> newestOnly = rotated.keys().subList(0, 1);
        fx.keys.set(StepUpKeySet.of(newestOnly));

        assertThat(fx.reason(oldToken)).isEqualTo(StepUpRejection.KID_UNKNOWN);
    }

    @Test
    void checkWhenOldKeyKeptPublicOnlyThenItsTokensStillVerify() {
        String oldToken = fx.issue();
        StepUpKeySet rotated = StepUpKeyGenerator.rotate(fx.keys.get(), fx.clock);
        fx.keys.set(StepUpKeySet.of(List.of(rotated.keys().get(0), rotated.keys().get(1).toPublicJWK())));

        assertThat(fx.check(oldToken).allowed()).isTrue();
    }

    @Test
    void publicJwksWhenRotatedThenListsEveryKeyNewestFirst() {
        fx.keys.set(StepUpKeyGenerator.rotate(fx.keys.get(), fx.clock));

        String jwks = fx.guard.publicJwks();

        assertThat(jwks.indexOf(fx.keys.get().keyIds().get(0))).isNotNegative()
                .isLessThan(jwks.indexOf(fx.keys.get().keyIds().get(1)));
    }
}
