package io.registryguard.sequence;

import static io.registryguard.sequence.Events.deletion;
import static io.registryguard.sequence.Events.invite;
import static io.registryguard.sequence.Events.removal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.registryguard.sequence.HistoryKey.ByAccount;
import io.registryguard.sequence.HistoryKey.ByProject;
import io.registryguard.testsupport.Race;

/**
 * What every {@link SequenceHistory} does, run against each implementation so they behave alike. Time is the real
 * clock's (a Redis key's expiry is on Redis's clock); names are random per test, so a shared Redis needs no cleaning.
 */
abstract class SequenceHistoryContract {

    static final Duration RETENTION = Duration.ofHours(1);
    static final int MAX_EVENTS_PER_KEY = 5;
    static final int RACERS = 20;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String alice = "alice-" + suffix;
    final String bob = "bob-" + suffix;
    final String requests = "requests-" + suffix;
    final String flask = "flask-" + suffix;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    /** The store under test, on the system clock, keeping {@link #RETENTION} and {@link #MAX_EVENTS_PER_KEY}. */
    abstract SequenceHistory store();

    List<SensitiveEvent> recent(HistoryKey key, Instant since) {
        return store().recent(key, since).collectList().block();
    }

    void remember(SensitiveEvent event) {
        store().remember(event).block();
    }

    @Test
    void rememberWhenInviteThenInTheInvitersTheInviteesAndTheProjectsHistory() {
        SensitiveEvent invite = invite(now.minusSeconds(10), alice, requests, bob);

        remember(invite);

        Instant since = now.minusSeconds(60);
        assertThat(recent(new ByAccount(alice), since)).containsExactly(invite);
        assertThat(recent(new ByAccount(bob), since)).containsExactly(invite);
        assertThat(recent(new ByProject(requests), since)).containsExactly(invite);
        assertThat(recent(new ByProject(flask), since)).isEmpty();
        assertThat(recent(new ByAccount("carol-" + suffix), since)).isEmpty();
    }

    @Test
    void rememberWhenAccountDeletionThenOnlyInTheAccountsHistory() {
        SensitiveEvent deletion = deletion(now, alice);

        remember(deletion);

        assertThat(recent(new ByAccount(alice), now)).containsExactly(deletion);
    }

    @Test
    void rememberWhenEveryFieldHoldsOddCharactersThenReadBackEqual() {
        SensitiveEvent odd = new SensitiveEvent(now, alice, SensitiveEvent.Kind.ROLE_CHANGED, requests,
                "Mallory Eve+1 %20|ü", "Owner & co");

        remember(odd);

        assertThat(recent(new ByProject(requests), now)).singleElement()
                .isEqualTo(odd)
                .satisfies(e -> assertThat(e.target()).isEqualTo("mallory eve+1 %20|ü"));
    }

    @Test
    void recentWhenNamesSpelledOtherwiseThenTheSameHistory() {
        SensitiveEvent invite = invite(now, alice, requests, bob);
        remember(invite);

        assertThat(recent(new ByAccount(alice.toUpperCase()), now)).containsExactly(invite);
        assertThat(recent(new ByProject(requests.toUpperCase().replace('-', '_')), now)).containsExactly(invite);
    }

    @Test
    void recentWhenSinceThenEventsAtOrAfterItOldestFirst() {
        SensitiveEvent first = invite(now.minusSeconds(30), alice, requests, bob);
        SensitiveEvent second = invite(now.minusSeconds(20), alice, flask, bob);
        SensitiveEvent third = removal(now.minusSeconds(10), bob, requests, alice);
        remember(third);
        remember(first);
        remember(second);

        assertThat(recent(new ByAccount(alice), now.minusSeconds(60))).containsExactly(first, second, third);
        assertThat(recent(new ByAccount(alice), now.minusSeconds(20))).containsExactly(second, third);
        assertThat(recent(new ByAccount(alice), now.minusSeconds(20).plusMillis(1))).containsExactly(third);
        assertThat(recent(new ByAccount(alice), now)).isEmpty();
    }

    @Test
    void recentWhenOlderThanTheRetentionThenGoneWhateverSinceSays() {
        SensitiveEvent old = invite(now.minus(RETENTION).minusSeconds(5), alice, requests, bob);
        SensitiveEvent fresh = invite(now.minusSeconds(5), alice, flask, bob);
        remember(old);
        remember(fresh);

        assertThat(recent(new ByAccount(alice), now.minus(Duration.ofDays(1)))).containsExactly(fresh);
        assertThat(recent(new ByProject(requests), now.minus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void rememberWhenSameEventTwiceThenOnce() {
        SensitiveEvent invite = invite(now, alice, requests, bob);

        remember(invite);
        remember(invite);

        assertThat(recent(new ByProject(requests), now)).containsExactly(invite);
    }

    @Test
    void rememberWhenSameActionAtAnotherTimeThenBoth() {
        SensitiveEvent first = invite(now.minusMillis(1), alice, requests, bob);
        SensitiveEvent again = invite(now, alice, requests, bob);

        remember(first);
        remember(again);

        assertThat(recent(new ByProject(requests), now.minusSeconds(1))).containsExactly(first, again);
    }

    @Test
    void rememberWhenMoreThanTheCapThenTheOldestGo() {
        List<SensitiveEvent> invites = IntStream.range(0, MAX_EVENTS_PER_KEY + 2)
                .mapToObj(i -> invite(now.minusSeconds(60 - i), alice, requests, "user-" + i + "-" + suffix))
                .toList();
        invites.forEach(this::remember);

        assertThat(recent(new ByProject(requests), now.minusSeconds(120)))
                .containsExactlyElementsOf(invites.subList(2, invites.size()));
    }

    @Test
    void rememberWhenNotSubscribedThenNothingRemembered() {
        store().remember(invite(now, alice, requests, bob));

        assertThat(recent(new ByProject(requests), now.minusSeconds(60))).isEmpty();
    }

    @Test
    void recentWhenNotSubscribedThenLaterWritesAreSeen() {
        var reader = store().recent(new ByProject(requests), now.minusSeconds(60));
        SensitiveEvent invite = invite(now, alice, requests, bob);
        remember(invite);

        assertThat(reader.collectList().block()).containsExactly(invite);
    }

    @Test
    void rememberWhenTwentyAtOnceThenEveryOneKeptAndTheCapHeld() throws Exception {
        List<String> invitees = Race.of(RACERS, () -> {
            String invitee = "user-" + UUID.randomUUID();
            remember(invite(now, alice, flask, invitee));
            return invitee;
        });

        assertThat(invitees).allSatisfy(invitee -> assertThat(recent(new ByAccount(invitee), now)).hasSize(1));
        assertThat(recent(new ByProject(flask), now)).hasSize(MAX_EVENTS_PER_KEY);
        assertThat(recent(new ByAccount(alice), now)).hasSize(MAX_EVENTS_PER_KEY);
    }
}
