package io.registryguard.sequence;

import static io.registryguard.sequence.Events.change;
import static io.registryguard.sequence.Events.invite;
import static io.registryguard.sequence.Events.removal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.registryguard.policy.SequencePolicy;
import io.registryguard.policy.SequencePolicy.Action;
import io.registryguard.policy.SequencePolicy.OwnerRemovalAfterInvite;
import reactor.core.publisher.Mono;

/** {@code owner-removal-after-invite}: who removes, how long after, how young the invitee was, and its boundaries. */
class OwnerRemovalAfterInviteRuleTests {

    private static final Instant INVITED = Instant.parse("2023-11-14T08:44:55Z");
    private static final Duration DAY = Duration.ofHours(24);

    private final MutableClock clock = new MutableClock(INVITED);
    private final InMemorySequenceHistory history = new InMemorySequenceHistory(Duration.ofDays(2), clock);

    private SequenceDecision evaluate(SensitiveEvent proposed, SequencePolicy policy, AccountAges ages) {
        clock.set(proposed.time());
        return new SequenceRules(policy, history, ages).evaluate(proposed).block();
    }

    private SequenceDecision evaluate(SensitiveEvent proposed) {
        return evaluate(proposed, SequencePolicy.DEFAULTS, AccountAges.unknown());
    }

    private void remember(SensitiveEvent event) {
        history.remember(event).block();
    }

    private static AccountAges created(Map<String, Instant> known) {
        return account -> Mono.just(Optional.ofNullable(known.get(account)));
    }

    private static SequencePolicy withOwnerRemoval(OwnerRemovalAfterInvite rule) {
        SequencePolicy defaults = SequencePolicy.DEFAULTS;
        return new SequencePolicy(rule, defaults.accountDeletionAfterRoleLoss(), defaults.inviteBurst());
    }

    @Test
    void ownerRemovalWhenTheInviteeRemovesWithinADayThenDenied() {
        remember(invite(INVITED, "victim", "requests", "mallory"));

        assertThat(evaluate(removal(INVITED.plusSeconds(160), "mallory", "requests", "victim")))
                .isInstanceOf(SequenceDecision.Denied.class);
    }

    @Test
    void ownerRemovalWhenTheInviterRemovesWithinADayThenDenied() {
        remember(invite(INVITED, "victim", "requests", "mallory"));

        SequenceDecision decision = evaluate(removal(INVITED.plus(Duration.ofHours(3)), "victim", "requests",
                "carol"));

        assertThat(decision).isInstanceOfSatisfying(SequenceDecision.Denied.class,
                denied -> assertThat(denied.reasons().get(1)).contains("3h before; the remover sent it"));
    }

    @Test
    void ownerRemovalWhenExactlyTwentyFourHoursAfterTheInviteThenDenied() {
        remember(invite(INVITED, "victim", "requests", "mallory"));

        assertThat(evaluate(removal(INVITED.plus(DAY), "mallory", "requests", "victim")).allowed()).isFalse();
    }

    @Test
    void ownerRemovalWhenOneMillisecondMoreThanTwentyFourHoursAfterTheInviteThenAllowed() {
        remember(invite(INVITED, "victim", "requests", "mallory"));

        assertThat(evaluate(removal(INVITED.plus(DAY).plusMillis(1), "mallory", "requests", "victim")).allowed())
                .isTrue();
    }

    @Test
    void ownerRemovalWhenSomeoneElseRemovesThenAllowed() {
        remember(invite(INVITED, "victim", "requests", "mallory"));

        assertThat(evaluate(removal(INVITED.plusSeconds(60), "carol", "requests", "victim")).allowed()).isTrue();
    }

    @Test
    void ownerRemovalWhenTheInviteWasToAnotherProjectThenAllowed() {
        remember(invite(INVITED, "victim", "flask", "mallory"));

        assertThat(evaluate(removal(INVITED.plusSeconds(60), "mallory", "requests", "victim")).allowed()).isTrue();
    }

    @Test
    void ownerRemovalWhenNoInviteThenAllowed() {
        assertThat(evaluate(removal(INVITED, "carol", "requests", "victim")).allowed()).isTrue();
    }

    @Test
    void ownerRemovalWhenInviteeOlderThanSevenDaysThenAllowed() {
        remember(invite(INVITED, "victim", "requests", "dave"));
        AccountAges ages = created(Map.of("dave", INVITED.minus(Duration.ofDays(7))));

        assertThat(evaluate(removal(INVITED.plusSeconds(60), "dave", "requests", "victim"), SequencePolicy.DEFAULTS,
                ages).allowed()).isTrue();
    }

    @Test
    void ownerRemovalWhenInviteeOneMillisecondYoungerThanSevenDaysAtTheInviteThenDenied() {
        remember(invite(INVITED, "victim", "requests", "mallory"));
        AccountAges ages = created(Map.of("mallory", INVITED.minus(Duration.ofDays(7)).plusMillis(1)));

        SequenceDecision decision = evaluate(removal(INVITED.plusSeconds(60), "mallory", "requests", "victim"),
                SequencePolicy.DEFAULTS, ages);

        assertThat(decision).isInstanceOfSatisfying(SequenceDecision.Denied.class, denied -> assertThat(
                denied.reasons().get(1)).endsWith("mallory was created 6d23h59m59s before the invite, younger than"
                        + " 7d"));
    }

    @Test
    void ownerRemovalWhenInviteeCreatedMinutesBeforeTheInviteThenDenied() {
        remember(invite(INVITED, "victim", "requests", "mallory"));
        AccountAges ages = created(Map.of("mallory", Instant.parse("2023-11-14T08:42:33Z")));

        assertThat(evaluate(removal(INVITED.plusSeconds(160), "mallory", "requests", "victim"),
                SequencePolicy.DEFAULTS, ages)).isInstanceOf(SequenceDecision.Denied.class);
    }

    @Test
    void ownerRemovalWhenAgeUnknownAndUnknownAgeIsNotYoungThenAllowed() {
        remember(invite(INVITED, "victim", "requests", "mallory"));
        SequencePolicy policy = withOwnerRemoval(new OwnerRemovalAfterInvite(DAY, Duration.ofDays(7), false,
                Action.DENY));

        assertThat(evaluate(removal(INVITED.plusSeconds(10), "mallory", "requests", "victim"), policy,
                AccountAges.unknown()).allowed()).isTrue();
    }

    @Test
    void ownerRemovalWhenActionRequireStepUpThenStepUpRequired() {
        remember(invite(INVITED, "victim", "requests", "mallory"));
        SequencePolicy policy = withOwnerRemoval(new OwnerRemovalAfterInvite(DAY, Duration.ofDays(7), true,
                Action.REQUIRE_STEP_UP));

        assertThat(evaluate(removal(INVITED.plusSeconds(10), "mallory", "requests", "victim"), policy,
                AccountAges.unknown())).isInstanceOfSatisfying(SequenceDecision.StepUpRequired.class,
                        stepUp -> assertThat(stepUp.rule()).isEqualTo("owner-removal-after-invite"));
    }

    @Test
    void ownerRemovalWhenTheRoleIsKnownToBeMaintainerThenAllowed() {
        remember(invite(INVITED, "victim", "requests", "mallory"));
        SensitiveEvent maintainerRemoved = new SensitiveEvent(INVITED.plusSeconds(10), "mallory",
                SensitiveEvent.Kind.ROLE_REMOVED, "requests", "victim", "Maintainer");

        assertThat(evaluate(maintainerRemoved).allowed()).isTrue();
    }

    @Test
    void roleChangeWhenToMaintainerAfterTheInviteThenDeniedAsAPossibleDemotion() {
        remember(invite(INVITED, "victim", "requests", "mallory"));

        SequenceDecision decision = evaluate(change(INVITED.plusSeconds(10), "mallory", "requests", "Maintainer"));

        assertThat(decision).isInstanceOfSatisfying(SequenceDecision.Denied.class, denied -> assertThat(
                denied.reasons().get(0)).isEqualTo("mallory changes a collaborator's role on project requests to"
                        + " Maintainer; the former role is never in the request, so it counts as Owner"));
    }

    @Test
    void roleChangeWhenToOwnerThenAllowed() {
        remember(invite(INVITED, "victim", "requests", "mallory"));

        assertThat(evaluate(change(INVITED.plusSeconds(10), "mallory", "requests", "owner")).allowed()).isTrue();
    }

    @Test
    void ownerRemovalWhenAgesCannotBeReadThenTheErrorIsEmitted() {
        remember(invite(INVITED, "victim", "requests", "mallory"));
        AccountAges failing = account -> Mono.error(new IllegalStateException("registry unreachable"));

        clock.set(INVITED.plusSeconds(10));
        Mono<SequenceDecision> decision = new SequenceRules(SequencePolicy.DEFAULTS, history, failing)
                .evaluate(removal(INVITED.plusSeconds(10), "mallory", "requests", "victim"));

        reactor.test.StepVerifier.create(decision).expectErrorMessage("registry unreachable").verify();
    }
}
