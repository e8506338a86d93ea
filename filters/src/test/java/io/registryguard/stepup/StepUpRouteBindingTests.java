package io.registryguard.stepup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * A token names the route it was minted for. Issue 11: a token minted for creating an API token was accepted
 * 20 s later for deleting a project, whose rule (max-age 0s, single-use) asks for a factor proven for that action
 * alone. A max-age 0 rule takes only its own tokens; a rule with a positive max-age takes any recent one.
 */
class StepUpRouteBindingTests {

    private static final String DELETE_PROJECT = "delete-project";
    private static final StepUpRequirement THIS_ACTION_ONLY =
            StepUpRequirement.of(Duration.ZERO, Set.of(StepUpAmr.OTP, StepUpAmr.HWK), true);

    private final StepUpFixture fx = new StepUpFixture();

    private String mintedFor(String route) {
        return fx.guard.issue(StepUpFixture.SUBJECT, StepUpFixture.SESSION, route, fx.clock.instant(),
                Set.of(StepUpAmr.OTP));
    }

    private StepUpDecision check(StepUpRequirement requirement, String route, String token) {
        return fx.guard.check(requirement, route, StepUpFixture.SESSION, StepUpFixture.SUBJECT, Optional.of(token))
                .block();
    }

    private static StepUpRejection reason(StepUpDecision decision) {
        return decision instanceof StepUpDecision.Challenged challenged ? challenged.reason() : null;
    }

    @Test
    void checkWhenMaxAgeZeroAndTokenMintedForAnotherRouteTwentySecondsAgoThenWrongRoute() {
        String token = mintedFor("token-create");
        fx.clock.advance(Duration.ofSeconds(20));

        assertThat(reason(check(THIS_ACTION_ONLY, DELETE_PROJECT, token))).isEqualTo(StepUpRejection.WRONG_ROUTE);
    }

    @Test
    void checkWhenMaxAgeZeroAndTokenMintedForAnotherRouteThisSecondThenWrongRoute() {
        assertThat(reason(check(THIS_ACTION_ONLY, DELETE_PROJECT, mintedFor("account-delete"))))
                .isEqualTo(StepUpRejection.WRONG_ROUTE);
    }

    @Test
    void checkWhenMaxAgeZeroAndTokenMintedForThatRouteThenAllowedOnce() {
        String token = mintedFor(DELETE_PROJECT);
        fx.clock.advance(Duration.ofSeconds(20));

        StepUpDecision first = check(THIS_ACTION_ONLY, DELETE_PROJECT, token);

        assertThat(first).isInstanceOfSatisfying(StepUpDecision.Allowed.class,
                allowed -> assertThat(allowed.claims().route()).isEqualTo(DELETE_PROJECT));
        assertThat(reason(check(THIS_ACTION_ONLY, DELETE_PROJECT, token))).isEqualTo(StepUpRejection.REPLAYED);
    }

    @Test
    void checkWhenWrongRouteThenTokenNotBurnedForItsOwnRoute() {
        String token = mintedFor(DELETE_PROJECT);
        assertThat(reason(check(THIS_ACTION_ONLY, "account-delete", token))).isEqualTo(StepUpRejection.WRONG_ROUTE);

        assertThat(check(THIS_ACTION_ONLY, DELETE_PROJECT, token).allowed()).isTrue();
    }

    @Test
    void checkWhenPositiveMaxAgeAndTokenMintedForAnotherRouteThenAllowed() {
        String token = mintedFor(DELETE_PROJECT);
        fx.clock.advance(Duration.ofMinutes(2));

        assertThat(check(StepUpFixture.FIVE_MINUTES_OTP_OR_HWK, "collaboration-invite", token).allowed()).isTrue();
    }

    @Test
    void checkWhenWrongRouteThenChallengeSaysWhatAnyOtherRejectionSays() {
        StepUpDecision wrongRoute = check(THIS_ACTION_ONLY, DELETE_PROJECT, mintedFor("token-create"));
        StepUpDecision missing = fx.guard.check(THIS_ACTION_ONLY, DELETE_PROJECT, StepUpFixture.SESSION,
                StepUpFixture.SUBJECT, Optional.empty()).block();

        assertThat(((StepUpDecision.Challenged) wrongRoute).wwwAuthenticate())
                .isEqualTo(((StepUpDecision.Challenged) missing).wwwAuthenticate());
    }

    @Test
    void checkWhenSignedTokenHasNoRouteClaimThenMissingClaim() {
        String token = fx.signOurs(fx.claims().claim("route", null).build());

        assertThat(fx.reason(token)).isEqualTo(StepUpRejection.MISSING_CLAIM);
    }

    @Test
    void checkWhenRouteClaimIsNotTextThenMalformed() {
        String token = fx.signOurs(fx.claims().claim("route", 42).build());

        assertThat(fx.reason(token)).isEqualTo(StepUpRejection.MALFORMED);
    }
}
