package io.registryguard.stepup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Max-age is counted from auth_time, to the second, on the guard's clock. */
class StepUpMaxAgeTests {

    private static final StepUpRequirement TWO_MINUTES =
            StepUpRequirement.of(Duration.ofMinutes(2), Set.of(StepUpAmr.OTP), false);
    private static final StepUpRequirement THIS_ACTION_ONLY =
            StepUpRequirement.of(Duration.ZERO, Set.of(StepUpAmr.OTP), true);

    private final StepUpFixture fx = new StepUpFixture();

    @Test
    void checkWhenAuthTimeExactlyMaxAgeAgoThenAllowed() {
        String token = fx.issue();
        fx.clock.advance(Duration.ofMinutes(2));

        assertThat(fx.check(TWO_MINUTES, token).allowed()).isTrue();
    }

    @Test
    void checkWhenAuthTimeOneSecondOverMaxAgeThenTooOld() {
        String token = fx.issue();
        fx.clock.advance(Duration.ofMinutes(2).plusSeconds(1));

        assertThat(fx.reason(TWO_MINUTES, token)).isEqualTo(StepUpRejection.AUTH_TOO_OLD);
    }

    @Test
    void checkWhenTokenFreshButFactorOldThenTooOld() {
        // A token minted now for a factor proven ten minutes ago is ten minutes old.
        Instant tenMinutesAgo = fx.clock.instant().minus(Duration.ofMinutes(10));
        String token = fx.guard.issue(StepUpFixture.SUBJECT, StepUpFixture.SESSION, StepUpFixture.ROUTE, tenMinutesAgo, Set.of(StepUpAmr.OTP));

        assertThat(fx.reason(TWO_MINUTES, token)).isEqualTo(StepUpRejection.AUTH_TOO_OLD);
    }

    @Test
    void checkWhenNoMaxAgeThenOnlyExpiryLimitsTheToken() {
        Instant anHourAgo = fx.clock.instant().minus(Duration.ofHours(1));
        String token = fx.guard.issue(StepUpFixture.SUBJECT, StepUpFixture.SESSION, StepUpFixture.ROUTE, anHourAgo, Set.of(StepUpAmr.OTP));

        assertThat(fx.check(StepUpRequirement.anyAge(Set.of(StepUpAmr.OTP), false), token).allowed()).isTrue();
    }

    @Test
    void checkWhenMaxAgeZeroAndFactorWithinGraceThenAllowed() {
        String token = fx.issue();
        fx.clock.advance(fx.settings.freshGrace());

        assertThat(fx.check(THIS_ACTION_ONLY, token).allowed()).isTrue();
    }

    @Test
    void checkWhenMaxAgeZeroAndFactorOlderThanGraceThenTooOld() {
        String token = fx.issue();
        fx.clock.advance(fx.settings.freshGrace().plusSeconds(1));

        assertThat(fx.reason(THIS_ACTION_ONLY, token)).isEqualTo(StepUpRejection.AUTH_TOO_OLD);
    }

    @Test
    void checkWhenMaxAgeZeroThenTokenServesOneActionOnly() {
        String token = fx.issue();

        assertThat(fx.check(THIS_ACTION_ONLY, token).allowed()).isTrue();
        assertThat(fx.reason(THIS_ACTION_ONLY, token)).isEqualTo(StepUpRejection.REPLAYED);
    }

    @Test
    void checkWhenMaxAgeZeroThenChallengeAsksForMaxAgeZero() {
        StepUpDecision decision = fx.check(THIS_ACTION_ONLY, null);

        assertThat(decision).isInstanceOfSatisfying(StepUpDecision.Challenged.class, c -> assertThat(c.wwwAuthenticate())
                .contains(", max_age=0, "));
    }
}
