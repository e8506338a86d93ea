package io.registryguard.sequence;

import static io.registryguard.sequence.Events.change;
import static io.registryguard.sequence.Events.deletion;
import static io.registryguard.sequence.Events.invite;
import static io.registryguard.sequence.Events.removal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.registryguard.policy.SequencePolicy;
import io.registryguard.policy.SequencePolicy.AccountDeletionAfterRoleLoss;
import io.registryguard.policy.SequencePolicy.Action;

/** {@code account-deletion-after-role-loss}: whose loss counts, on which projects, and its boundaries. */
class AccountDeletionAfterRoleLossRuleTests {

    private static final Instant REMOVED = Instant.parse("2023-11-14T08:47:35Z");
    private static final Duration DAY = Duration.ofHours(24);

    private final MutableClock clock = new MutableClock(REMOVED);
    private final InMemorySequenceHistory history = new InMemorySequenceHistory(Duration.ofDays(2), clock);

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

    @Test
    void accountDeletionWhenRemovedFromAProjectWithinADayThenDenied() {
        remember(removal(REMOVED, "mallory", "requests", "victim"));

        assertThat(evaluate(deletion(REMOVED.plusSeconds(172), "victim")))
                .isInstanceOfSatisfying(SequenceDecision.Denied.class,
                        denied -> assertThat(denied.rule()).isEqualTo("account-deletion-after-role-loss"));
    }

    @Test
    void accountDeletionWhenExactlyTwentyFourHoursAfterTheRemovalThenDenied() {
        remember(removal(REMOVED, "mallory", "requests", "victim"));

        assertThat(evaluate(deletion(REMOVED.plus(DAY), "victim")).allowed()).isFalse();
    }

    @Test
    void accountDeletionWhenOneMillisecondMoreThanTwentyFourHoursAfterTheRemovalThenAllowed() {
        remember(removal(REMOVED, "mallory", "requests", "victim"));

        assertThat(evaluate(deletion(REMOVED.plus(DAY).plusMillis(1), "victim")).allowed()).isTrue();
    }

    @Test
    void accountDeletionWhenItRemovedItselfThenDenied() {
        remember(removal(REMOVED, "victim", "requests", "victim"));

        assertThat(evaluate(deletion(REMOVED.plusSeconds(60), "victim")).allowed()).isFalse();
    }

    @Test
    void accountDeletionWhenAnUnnamedRoleChangeByAnotherOnAProjectItInvitedToThenDenied() {
        remember(invite(REMOVED.minusSeconds(160), "victim", "requests", "mallory"));
        remember(change(REMOVED, "mallory", "requests", "Maintainer"));

        SequenceDecision decision = evaluate(deletion(REMOVED.plusSeconds(60), "victim"));

        assertThat(decision).isInstanceOfSatisfying(SequenceDecision.Denied.class, denied -> assertThat(
                denied.reasons()).containsExactly("victim deletes their account within 24h of losing a project role",
                        "mallory changed the role of a collaborator not named in the request on requests to Maintainer,"
                                + " a project victim acted on or was named in, at 2023-11-14T08:47:35Z, 1m before"));
    }

    @Test
    void accountDeletionWhenItRemovedSomeoneElseItselfThenAllowed() {
        remember(invite(REMOVED.minusSeconds(160), "carol", "requests", "dave"));
        remember(removal(REMOVED, "carol", "requests", "erin"));

        assertThat(evaluate(deletion(REMOVED.plusSeconds(60), "carol")).allowed()).isTrue();
    }

    @Test
    void accountDeletionWhenARoleWasLostOnAProjectItNeverTouchedThenAllowed() {
        remember(invite(REMOVED.minusSeconds(160), "carol", "flask", "dave"));
        remember(removal(REMOVED, "mallory", "requests", "erin"));

        assertThat(evaluate(deletion(REMOVED.plusSeconds(60), "carol")).allowed()).isTrue();
    }

    @Test
    void accountDeletionWhenOnlyPromotedToOwnerThenAllowed() {
        remember(new SensitiveEvent(REMOVED, "mallory", SensitiveEvent.Kind.ROLE_CHANGED, "requests", "carol",
                "Owner"));

        assertThat(evaluate(deletion(REMOVED.plusSeconds(60), "carol")).allowed()).isTrue();
    }

    @Test
    void accountDeletionWhenNothingHappenedBeforeThenAllowed() {
        assertThat(evaluate(deletion(REMOVED, "carol")).allowed()).isTrue();
    }

    @Test
    void accountDeletionWhenActionRequireStepUpThenStepUpRequired() {
        remember(removal(REMOVED, "mallory", "requests", "victim"));
        SequencePolicy defaults = SequencePolicy.DEFAULTS;
        SequencePolicy policy = new SequencePolicy(defaults.ownerRemovalAfterInvite(),
                new AccountDeletionAfterRoleLoss(Duration.ofHours(2), Action.REQUIRE_STEP_UP), defaults.inviteBurst());

        assertThat(evaluate(deletion(REMOVED.plus(Duration.ofHours(2)), "victim"), policy))
                .isInstanceOf(SequenceDecision.StepUpRequired.class);
        assertThat(evaluate(deletion(REMOVED.plus(Duration.ofHours(2)).plusMillis(1), "victim"), policy).allowed())
                .isTrue();
    }
}
