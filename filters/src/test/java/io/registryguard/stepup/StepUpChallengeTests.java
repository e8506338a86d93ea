package io.registryguard.stepup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** RFC 9470 §3 challenges, character for character. */
class StepUpChallengeTests {

    @Test
    void challengeWhenMaxAgeAndTwoMethodsThenExactHeader() {
        StepUpRequirement requirement =
                StepUpRequirement.of(Duration.ofMinutes(5), Set.of(StepUpAmr.OTP, StepUpAmr.HWK), false);

        assertThat(StepUpChallenge.forRequirement(requirement)).isEqualTo("Bearer error=\"insufficient_user_authentication\", "
                + "error_description=\"A fresh second factor is required for this action\", max_age=300, acr_values=\"otp hwk\"");
    }

    @Test
    void challengeWhenNoMaxAgeThenMaxAgeOmitted() {
        StepUpRequirement requirement = StepUpRequirement.anyAge(Set.of(StepUpAmr.HWK), false);

        assertThat(StepUpChallenge.forRequirement(requirement)).isEqualTo("Bearer error=\"insufficient_user_authentication\", "
                + "error_description=\"A fresh second factor is required for this action\", acr_values=\"hwk\"");
    }

    @Test
    void challengeWhenMaxAgeZeroThenMaxAgeZero() {
        StepUpRequirement requirement = StepUpRequirement.of(Duration.ZERO, Set.of(StepUpAmr.OTP, StepUpAmr.EMAIL), true);

        assertThat(StepUpChallenge.forRequirement(requirement)).isEqualTo("Bearer error=\"insufficient_user_authentication\", "
                + "error_description=\"A fresh second factor is required for this action\", max_age=0, acr_values=\"otp email\"");
    }

    @Test
    void challengeWhenMethodsGivenInAnyOrderThenListedInCanonicalOrder() {
        Set<String> reversed = new LinkedHashSet<>(List.of(StepUpAmr.EMAIL, StepUpAmr.HWK, StepUpAmr.OTP));

        assertThat(StepUpChallenge.forRequirement(StepUpRequirement.of(Duration.ofHours(1), reversed, false)))
                .endsWith("max_age=3600, acr_values=\"otp hwk email\"");
    }

    @Test
    void bearerWhenValueHasQuoteAndBackslashThenEscaped() {
        String header = BearerChallenge.bearer().quoted("realm", "a \"b\" \\ c").integer("n", 7).build();

        assertThat(header).isEqualTo("Bearer realm=\"a \\\"b\\\" \\\\ c\", n=7");
    }

    @Test
    void bearerWhenNoParamsThenSchemeAlone() {
        assertThat(BearerChallenge.bearer().build()).isEqualTo("Bearer");
    }

    @Test
    void bearerWhenValueHasLineBreakOrNonAsciiThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> BearerChallenge.bearer().quoted("x", "a\r\nSet-Cookie: y"));
        assertThatIllegalArgumentException().isThrownBy(() -> BearerChallenge.bearer().quoted("x", "caf\u00e9"));
    }

    @Test
    void bearerWhenNameIsNotATokenThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> BearerChallenge.bearer().quoted("a b", "v"));
        assertThatIllegalArgumentException().isThrownBy(() -> BearerChallenge.bearer().integer("", 1));
    }
}
