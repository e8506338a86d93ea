package io.registryguard.stepup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

class StepUpTokenIssuerTests {

    private final StepUpFixture fx = new StepUpFixture();

    @Test
    void issueWhenCalledThenEveryClaimAndHeaderSet() throws Exception {
        fx.clock.advance(Duration.ofSeconds(5));
        SignedJWT jwt = SignedJWT.parse(fx.guard.issue("alice", "s-9", StepUpFixture.ROUTE, StepUpFixture.T0, Set.of(StepUpAmr.OTP, StepUpAmr.HWK)));

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getType()).isEqualTo(StepUpTokenIssuer.TYPE);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(fx.keys.get().signingKeyId());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(StepUpSettings.DEFAULT_ISSUER);
        assertThat(claims.getAudience()).containsExactly(StepUpSettings.DEFAULT_AUDIENCE);
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringClaim("sid")).isEqualTo("s-9");
        assertThat(claims.getStringClaim("route")).isEqualTo(StepUpFixture.ROUTE);
        assertThat(claims.getLongClaim("auth_time")).isEqualTo(StepUpFixture.T0.getEpochSecond());
        assertThat(claims.getStringListClaim("amr")).containsExactly("otp", "hwk");
        assertThat(claims.getStringClaim("acr")).isEqualTo("hwk");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(StepUpFixture.T0.plusSeconds(5));
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(StepUpFixture.T0.plusSeconds(5).plus(Duration.ofMinutes(5)));
    }

    @Test
    void issueWhenCalledTwiceThenDistinctJtiOf128Bits() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            ids.add(SignedJWT.parse(fx.issue()).getJWTClaimsSet().getJWTID());
        }

        assertThat(ids).hasSize(100).allSatisfy(id -> assertThat(id).matches("[A-Za-z0-9_-]{22}"));
    }

    @Test
    void issueWhenAuthTimeInFutureThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> fx.guard.issue("alice", "s", StepUpFixture.ROUTE, fx.clock.instant().plusSeconds(1),
                Set.of(StepUpAmr.OTP)));
    }

    @Test
    void issueWhenAmrEmptyOrPasswordThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> fx.guard.issue("alice", "s", StepUpFixture.ROUTE, fx.clock.instant(), Set.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> fx.guard.issue("alice", "s", StepUpFixture.ROUTE, fx.clock.instant(), Set.of("pwd")));
    }

    @Test
    void issueWhenSubjectSessionOrRouteBlankThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> fx.guard.issue(" ", "s", StepUpFixture.ROUTE, fx.clock.instant(), Set.of(StepUpAmr.OTP)));
        assertThatIllegalArgumentException().isThrownBy(() -> fx.guard.issue("alice", "", StepUpFixture.ROUTE, fx.clock.instant(), Set.of(StepUpAmr.OTP)));
        assertThatIllegalArgumentException().isThrownBy(() -> fx.guard.issue("alice", "s", " ", fx.clock.instant(),
                Set.of(StepUpAmr.OTP)));
    }

    @Test
    void issueWhenEmailCodeOnlyThenAcrIsEmail() throws Exception {
        SignedJWT jwt = SignedJWT.parse(fx.guard.issue("alice", "s", StepUpFixture.ROUTE, fx.clock.instant(), Set.of(StepUpAmr.EMAIL)));

        assertThat(jwt.getJWTClaimsSet().getStringClaim("acr")).isEqualTo("email");
    }
}
