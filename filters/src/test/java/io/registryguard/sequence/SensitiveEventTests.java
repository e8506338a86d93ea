package io.registryguard.sequence;

import static io.registryguard.sequence.Events.change;
import static io.registryguard.sequence.Events.invite;
import static io.registryguard.sequence.Events.removal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.registryguard.sequence.SensitiveEvent.Kind;

/** Events are canonical and complete once built, and say whether they may take a role away. */
class SensitiveEventTests {

    private static final Instant AT = Instant.parse("2023-11-14T08:44:55.123456789Z");

    @Test
    void constructorWhenNamesInAnySpellingThenCanonicalAndTimeInMilliseconds() {
        SensitiveEvent event = new SensitiveEvent(AT, " Victim ", Kind.INVITE, "Zope.Interface__Extras", "MALLORY",
                " Owner ");

        assertThat(event.actor()).isEqualTo("victim");
        assertThat(event.project()).isEqualTo("zope-interface-extras");
        assertThat(event.target()).isEqualTo("mallory");
        assertThat(event.targetRole()).isEqualTo("Owner");
        assertThat(event.time()).isEqualTo(Instant.parse("2023-11-14T08:44:55.123Z"));
    }

    @Test
    void constructorWhenAProjectActionWithoutProjectThenRejectedNamingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SensitiveEvent(AT, "victim", Kind.ROLE_REMOVED, null, "carol", null))
                .withMessage("project is required for ROLE_REMOVED");
    }

    @Test
    void constructorWhenInviteWithoutInviteeThenRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SensitiveEvent(AT, "victim", Kind.INVITE, "requests", null, "Owner"))
                .withMessageStartingWith("target is required for INVITE");
    }

    @Test
    void constructorWhenBlankNameThenRejectedNamingTheField() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SensitiveEvent(AT, "victim", Kind.ROLE_REMOVED, "requests", " ", null))
                .withMessageStartingWith("target must not be blank");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SensitiveEvent(AT, "", Kind.ACCOUNT_DELETED, null, null, null))
                .withMessageStartingWith("actor must not be blank");
    }

    @Test
    void mayTakeOwnershipAwayWhenRemovalOfUnknownOrOwnerRoleThenTrueOtherwiseFalse() {
        assertThat(removal(AT, "a", "p", "b").mayTakeOwnershipAway()).isTrue();
        assertThat(new SensitiveEvent(AT, "a", Kind.ROLE_REMOVED, "p", "b", "owner").mayTakeOwnershipAway()).isTrue();
        assertThat(new SensitiveEvent(AT, "a", Kind.ROLE_REMOVED, "p", "b", "Maintainer").mayTakeOwnershipAway())
                .isFalse();
        assertThat(change(AT, "a", "p", "Maintainer").mayTakeOwnershipAway()).isTrue();
        assertThat(change(AT, "a", "p", "Owner").mayTakeOwnershipAway()).isFalse();
        assertThat(invite(AT, "a", "p", "b").mayTakeOwnershipAway()).isFalse();
    }

    @Test
    void takesARoleAwayWhenAnyRemovalOrAChangeAwayFromOwnerThenTrue() {
        assertThat(new SensitiveEvent(AT, "a", Kind.ROLE_REMOVED, "p", "b", "Maintainer").takesARoleAway()).isTrue();
        assertThat(change(AT, "a", "p", "Maintainer").takesARoleAway()).isTrue();
        assertThat(change(AT, "a", "p", "Owner").takesARoleAway()).isFalse();
        assertThat(invite(AT, "a", "p", "b").takesARoleAway()).isFalse();
    }

    @Test
    void historyKeysWhenInviteThenActorTargetAndProjectAndWhenSelfRemovalThenOneAccount() {
        assertThat(HistoryKey.of(invite(AT, "Victim", "Requests", "mallory"))).containsExactly(
                new HistoryKey.ByAccount("victim"), new HistoryKey.ByAccount("mallory"),
                new HistoryKey.ByProject("requests"));
        assertThat(HistoryKey.of(removal(AT, "victim", "requests", "VICTIM"))).containsExactly(
                new HistoryKey.ByAccount("victim"), new HistoryKey.ByProject("requests"));
    }
}
