package io.registryguard.stepup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Tokens signed by our own key whose claims do not fit the request. */
class StepUpClaimsTests {

    private final StepUpFixture fx = new StepUpFixture();

    @Test
    void verifyWhenExpiredBeyondSkewThenRejected() {
        String token = fx.issue();
        fx.clock.advance(fx.settings.tokenLifetime().plus(fx.settings.clockSkew()));

        assertThat(fx.reason(StepUpRequirement.anyAge(Set.of(StepUpAmr.OTP), false), token))
                .isEqualTo(StepUpRejection.EXPIRED);
    }

    @Test
    void verifyWhenExpiredWithinSkewThenAllowed() {
        String token = fx.issue();
        fx.clock.advance(fx.settings.tokenLifetime().plus(fx.settings.clockSkew()).minusSeconds(1));

        assertThat(fx.check(StepUpRequirement.anyAge(Set.of(StepUpAmr.OTP), false), token).allowed()).isTrue();
    }

    @Test
    void verifyWhenSkewConfiguredZeroThenExpiredAtExp() {
        StepUpSettings strict = new StepUpSettings(fx.settings.issuer(), fx.settings.audience(),
                fx.settings.tokenLifetime(), Duration.ZERO, fx.settings.freshGrace());
        StepUpGuard guard = new StepUpGuard(fx.keys::get, strict, fx.jtiStore, fx.clock);
        String token = fx.issue();
        fx.clock.advance(strict.tokenLifetime());

        StepUpDecision decision = guard.check(StepUpRequirement.anyAge(Set.of(StepUpAmr.OTP), false),
                StepUpFixture.ROUTE, StepUpFixture.SESSION, StepUpFixture.SUBJECT, Optional.of(token)).block();

        assertThat(decision).isEqualTo(new StepUpDecision.Challenged(StepUpRejection.EXPIRED,
                StepUpChallenge.forRequirement(StepUpRequirement.anyAge(Set.of(StepUpAmr.OTP), false))));
    }

    @Test
    void verifyWhenIssuedInTheFutureBeyondSkewThenNotYetValid() {
        fx.clock.advance(fx.settings.clockSkew().plusSeconds(1));
        String token = fx.issue();
        fx.clock.advance(fx.settings.clockSkew().plusSeconds(1).negated());

        assertThat(fx.reason(token)).isEqualTo(StepUpRejection.NOT_YET_VALID);
    }

    @Test
    void verifyWhenIssuedInTheFutureWithinSkewThenAllowed() {
        fx.clock.advance(fx.settings.clockSkew());
        String token = fx.issue();
        fx.clock.advance(fx.settings.clockSkew().negated());

        assertThat(fx.check(token).allowed()).isTrue();
    }

    @Test
    void verifyWhenNotBeforeInTheFutureThenNotYetValid() {
        Date later = Date.from(fx.clock.instant().plus(fx.settings.clockSkew()).plusSeconds(1));

        assertThat(fx.reason(fx.signOurs(fx.claims().notBeforeTime(later).build())))
                .isEqualTo(StepUpRejection.NOT_YET_VALID);
    }

    @Test
    void verifyWhenAuthTimeInTheFutureThenNotYetValid() {
        long later = fx.clock.instant().plus(fx.settings.clockSkew()).plusSeconds(1).getEpochSecond();

        assertThat(fx.reason(fx.signOurs(fx.claims().claim("auth_time", later).build())))
                .isEqualTo(StepUpRejection.NOT_YET_VALID);
    }

    @Test
    void verifyWhenWrongAudienceThenRejected() {
        assertThat(fx.reason(fx.signOurs(fx.claims().audience("registry").build())))
                .isEqualTo(StepUpRejection.WRONG_AUDIENCE);
    }

    @Test
    void verifyWhenAudienceMissingThenRejected() {
        assertThat(fx.reason(fx.signOurs(fx.claims().audience((String) null).build())))
                .isEqualTo(StepUpRejection.WRONG_AUDIENCE);
    }

    @Test
    void verifyWhenAudienceListIncludesOursThenAllowed() {
        String token = fx.signOurs(fx.claims().audience(List.of("other", fx.settings.audience())).build());

        assertThat(fx.check(token).allowed()).isTrue();
    }

    @Test
    void verifyWhenWrongIssuerThenRejected() {
        assertThat(fx.reason(fx.signOurs(fx.claims().issuer("https://evil.example").build())))
                .isEqualTo(StepUpRejection.WRONG_ISSUER);
    }

    @Test
    void verifyWhenAnotherSessionsTokenThenRejected() {
        String token = fx.guard.issue(StepUpFixture.SUBJECT, "session-2", StepUpFixture.ROUTE, fx.clock.instant(), Set.of(StepUpAmr.OTP));

        assertThat(fx.reason(token)).isEqualTo(StepUpRejection.WRONG_SESSION);
    }

    @Test
    void verifyWhenAnotherSubjectsTokenThenRejected() {
        String token = fx.guard.issue("mallory", StepUpFixture.SESSION, StepUpFixture.ROUTE, fx.clock.instant(), Set.of(StepUpAmr.OTP));

        assertThat(fx.reason(token)).isEqualTo(StepUpRejection.WRONG_SUBJECT);
    }

    @Test
    void verifyWhenAmrNotAcceptedThenRejected() {
        String emailed = fx.guard.issue(StepUpFixture.SUBJECT, StepUpFixture.SESSION, StepUpFixture.ROUTE, fx.clock.instant(),
                Set.of(StepUpAmr.EMAIL));

        assertThat(fx.reason(emailed)).isEqualTo(StepUpRejection.AMR_NOT_ACCEPTED);
    }

    @Test
    void verifyWhenOneOfSeveralAmrAcceptedThenAllowed() {
        String token = fx.guard.issue(StepUpFixture.SUBJECT, StepUpFixture.SESSION, StepUpFixture.ROUTE, fx.clock.instant(),
                Set.of(StepUpAmr.EMAIL, StepUpAmr.HWK));
        StepUpRequirement hardwareOnly = StepUpRequirement.of(Duration.ofMinutes(5), Set.of(StepUpAmr.HWK), false);

        assertThat(fx.check(hardwareOnly, token).allowed()).isTrue();
    }

    @Test
    void verifyWhenAmrIsPasswordThenRejected() {
        assertThat(fx.reason(fx.signOurs(fx.claims().claim("amr", List.of("pwd")).build())))
                .isEqualTo(StepUpRejection.AMR_NOT_ACCEPTED);
    }

    @Test
    void verifyWhenJtiMissingThenRejected() {
        assertThat(fx.reason(fx.signOurs(fx.claims().jwtID(null).build())))
                .isEqualTo(StepUpRejection.MISSING_CLAIM);
    }

    @Test
    void verifyWhenAuthTimeMissingThenRejected() {
        assertThat(fx.reason(fx.signOurs(fx.claims().claim("auth_time", null).build())))
                .isEqualTo(StepUpRejection.MISSING_CLAIM);
    }

    @Test
    void verifyWhenExpMissingThenRejected() {
        assertThat(fx.reason(fx.signOurs(fx.claims().expirationTime(null).build())))
                .isEqualTo(StepUpRejection.MISSING_CLAIM);
    }

    @Test
    void verifyWhenSidOfWrongTypeThenMalformed() {
        assertThat(fx.reason(fx.signOurs(fx.claims().claim("sid", 42).build())))
                .isEqualTo(StepUpRejection.MALFORMED);
    }

    @Test
    void toStringWhenAllowedThenSessionIdNotPrinted() {
        StepUpDecision decision = fx.check(fx.issue());

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.toString()).contains(StepUpFixture.SUBJECT).doesNotContain(StepUpFixture.SESSION);
    }
}
