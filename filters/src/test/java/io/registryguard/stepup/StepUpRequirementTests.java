package io.registryguard.stepup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StepUpRequirementTests {

    @Test
    void requirementWhenMaxAgeZeroWithoutSingleUseThenRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StepUpRequirement.of(Duration.ZERO, Set.of(StepUpAmr.OTP), false))
                .withMessageContaining("requires single-use");
    }

    @Test
    void requirementWhenMaxAgeZeroWithSingleUseThenForThisActionOnly() {
        assertThat(StepUpRequirement.of(Duration.ZERO, Set.of(StepUpAmr.OTP), true).forThisActionOnly()).isTrue();
        assertThat(StepUpRequirement.of(Duration.ofSeconds(1), Set.of(StepUpAmr.OTP), true).forThisActionOnly()).isFalse();
        assertThat(StepUpRequirement.anyAge(Set.of(StepUpAmr.OTP), true).forThisActionOnly()).isFalse();
    }

    @Test
    void requirementWhenNegativeOrFractionalMaxAgeThenRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StepUpRequirement.of(Duration.ofSeconds(-1), Set.of(StepUpAmr.OTP), false))
                .withMessageContaining("negative");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StepUpRequirement.of(Duration.ofMillis(1500), Set.of(StepUpAmr.OTP), false))
                .withMessageContaining("whole seconds");
    }

    @Test
    void requirementWhenAmrEmptyOrUnknownThenRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StepUpRequirement.of(Duration.ofMinutes(5), Set.of(), false))
                .withMessageContaining("at least one");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StepUpRequirement.of(Duration.ofMinutes(5), Set.of("OTP"), false))
                .withMessageContaining("unknown value 'OTP'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StepUpRequirement.of(Duration.ofMinutes(5), Set.of("pwd"), false))
                .withMessageContaining("unknown value 'pwd'");
    }

    @Test
    void requirementWhenBuiltThenAmrCopiedAndUnmodifiable() {
        Set<String> methods = new HashSet<>(Set.of(StepUpAmr.OTP));
        StepUpRequirement requirement = StepUpRequirement.of(Duration.ofMinutes(5), methods, false);
        methods.add(StepUpAmr.EMAIL);

        assertThat(requirement.acceptedAmr()).containsExactly(StepUpAmr.OTP);
        assertThat(requirement.acceptedAmr()).isUnmodifiable();
    }

    @Test
    void settingsWhenOutOfRangeThenRejectedNamingTheKey() {
        StepUpSettings d = StepUpSettings.defaults();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StepUpSettings(" ", d.audience(), d.tokenLifetime(), d.clockSkew(), d.freshGrace()))
                .withMessageContaining("issuer");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StepUpSettings(d.issuer(), d.audience(), Duration.ofDays(1), d.clockSkew(), d.freshGrace()))
                .withMessageContaining("token-lifetime");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StepUpSettings(d.issuer(), d.audience(), d.tokenLifetime(), Duration.ofSeconds(-1), d.freshGrace()))
                .withMessageContaining("clock-skew");
    }
}
