package io.registryguard.sequence;

import static io.registryguard.sequence.Events.invite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.registryguard.sequence.HistoryKey.ByAccount;
import io.registryguard.sequence.HistoryKey.ByProject;

/** What only the in-memory store has: its sweep and its bound on the number of histories. */
class InMemorySequenceHistoryTests {

    private static final Instant T0 = Instant.parse("2023-11-14T08:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemorySequenceHistory store = new InMemorySequenceHistory(Duration.ofHours(24), 10, 100, clock);

    @Test
    void rememberWhenEveryEventExpiredThenSweptHistoriesForgotten() {
        store.remember(invite(T0, "alice", "requests", "bob")).block();
        assertThat(store.size()).isEqualTo(3);
        clock.advance(Duration.ofHours(25));

        store.remember(invite(clock.instant(), "carol", "flask", "dave")).block();

        assertThat(store.size()).isEqualTo(3);
        assertThat(store.recent(new ByAccount("alice"), T0).collectList().block()).isEmpty();
    }

    @Test
    void rememberWhenEventsStillWithinTheRetentionThenKeptBySweep() {
        store.remember(invite(T0, "alice", "requests", "bob")).block();
        clock.advance(Duration.ofHours(23));

        store.remember(invite(clock.instant(), "carol", "flask", "dave")).block();

        assertThat(store.size()).isEqualTo(6);
        assertThat(store.recent(new ByProject("requests"), T0).collectList().block()).hasSize(1);
    }

    @Test
    void rememberWhenMoreHistoriesThanTheBoundThenTheLeastRecentlyWrittenGo() {
        InMemorySequenceHistory small = new InMemorySequenceHistory(Duration.ofHours(24), 10, 4, clock);
        small.remember(invite(T0, "alice", "requests", "bob")).block();
        small.remember(invite(T0.plusSeconds(1), "alice", "flask", "bob")).block(); // requests is now the oldest

        small.remember(invite(T0.plusSeconds(2), "carol", "django", "dave")).block();

        assertThat(small.size()).isEqualTo(4);
        assertThat(small.recent(new ByProject("requests"), T0).collectList().block()).isEmpty();
        assertThat(small.recent(new ByAccount("alice"), T0).collectList().block()).isEmpty();
        assertThat(small.recent(new ByProject("flask"), T0).collectList().block()).hasSize(1);
        assertThat(small.recent(new ByAccount("carol"), T0).collectList().block()).hasSize(1);
    }

    @Test
    void constructorWhenNoRetentionOrNoRoomThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new InMemorySequenceHistory(Duration.ZERO, clock))
                .withMessageContaining("retention");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new InMemorySequenceHistory(Duration.ofHours(1), 0, 10, clock))
                .withMessageContaining("maxEventsPerKey");
    }
}
