package io.registryguard.sequence;

import static io.registryguard.sequence.Events.invite;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.registryguard.policy.SequencePolicy;
import io.registryguard.policy.SequencePolicy.Action;
import io.registryguard.policy.SequencePolicy.InviteBurst;

/** {@code invite-burst}: distinct projects, whose invites count, and its boundaries. */
class InviteBurstRuleTests {

    private static final Instant FIRST = Instant.parse("2023-11-14T08:44:55Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private final MutableClock clock = new MutableClock(FIRST);
    private final InMemorySequenceHistory history = new InMemorySequenceHistory(Duration.ofDays(1), clock);

    private SequenceDecision evaluate(SensitiveEvent proposed, SequencePolicy policy) {
        clock.set(proposed.time());
        return new SequenceRules(policy, history, AccountAges.unknown()).evaluate(proposed).block();
    }

    private SequenceDecision evaluate(SensitiveEvent proposed) {
        return evaluate(proposed, SequencePolicy.DEFAULTS);
    }

    private void remember(SensitiveEvent event) {
        history.remember(event).block();
    }

    private static SequencePolicy withBurst(InviteBurst burst) {
        SequencePolicy defaults = SequencePolicy.DEFAULTS;
        return new SequencePolicy(defaults.ownerRemovalAfterInvite(), defaults.accountDeletionAfterRoleLoss(), burst);
    }

    @Test
    void inviteWhenThirdProjectExactlyOneHourAfterTheFirstThenStepUpRequired() {
        remember(invite(FIRST, "victim", "alpha", "mallory"));
        remember(invite(FIRST.plusSeconds(600), "victim", "beta", "mallory"));

        assertThat(evaluate(invite(FIRST.plus(HOUR), "victim", "gamma", "mallory")))
                .isInstanceOfSatisfying(SequenceDecision.StepUpRequired.class,
                        stepUp -> assertThat(stepUp.rule()).isEqualTo("invite-burst"));
    }

    @Test
    void inviteWhenThirdProjectOneMillisecondMoreThanAnHourAfterTheFirstThenAllowed() {
        remember(invite(FIRST, "victim", "alpha", "mallory"));
        remember(invite(FIRST.plusSeconds(600), "victim", "beta", "mallory"));

        assertThat(evaluate(invite(FIRST.plus(HOUR).plusMillis(1), "victim", "gamma", "mallory")).allowed()).isTrue();
    }

    @Test
    void inviteWhenSecondProjectThenAllowed() {
        remember(invite(FIRST, "victim", "alpha", "mallory"));

        assertThat(evaluate(invite(FIRST.plusSeconds(1), "victim", "beta", "mallory")).allowed()).isTrue();
    }

    @Test
    void inviteWhenManyPeopleToOneProjectThenAllowed() {
        for (int i = 0; i < 5; i++) {
            remember(invite(FIRST.plusSeconds(i), "victim", "alpha", "user" + i));
        }

        assertThat(evaluate(invite(FIRST.plusSeconds(10), "victim", "beta", "mallory")).allowed()).isTrue();
    }

    @Test
    void inviteWhenTheInviterWasItselfInvitedToOtherProjectsThenThoseDoNotCount() {
        remember(invite(FIRST, "carol", "alpha", "victim"));
        remember(invite(FIRST.plusSeconds(1), "dave", "beta", "victim"));
        remember(invite(FIRST.plusSeconds(2), "victim", "gamma", "mallory"));

        assertThat(evaluate(invite(FIRST.plusSeconds(3), "victim", "delta", "mallory")).allowed()).isTrue();
    }

    @Test
    void inviteWhenActionDenyAndFourProjectsThenDeniedAtTheFourth() {
        SequencePolicy policy = withBurst(new InviteBurst(4, Duration.ofMinutes(5), Action.DENY));
        remember(invite(FIRST, "victim", "alpha", "mallory"));
        remember(invite(FIRST.plusSeconds(1), "victim", "beta", "mallory"));

        assertThat(evaluate(invite(FIRST.plusSeconds(2), "victim", "gamma", "mallory"), policy).allowed()).isTrue();
        remember(invite(FIRST.plusSeconds(2), "victim", "gamma", "mallory"));
        assertThat(evaluate(invite(FIRST.plusSeconds(3), "victim", "delta", "mallory"), policy))
                .isInstanceOf(SequenceDecision.Denied.class);
    }
}
