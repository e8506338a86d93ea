package io.registryguard.sequence;

import static io.registryguard.sequence.Events.invite;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.SlotHash;
import io.registryguard.sequence.HistoryKey.ByAccount;
import io.registryguard.sequence.HistoryKey.ByProject;
import io.registryguard.testsupport.RedisSession;
import reactor.test.StepVerifier;

/** The history contract on a real Redis, plus what only Redis has: the key layout, trimming, expiry, outages. */
class RedisSequenceHistoryIntegrationTests extends SequenceHistoryContract {

    private RedisSession redis;
    private RedisSequenceHistory store;

    @BeforeEach
    void connect() {
        redis = RedisSession.open();
        store = new RedisSequenceHistory(redis.connection(), RETENTION, MAX_EVENTS_PER_KEY, Clock.systemUTC());
    }

    @AfterEach
    void disconnect() {
        redis.close();
    }

    @Override
    SequenceHistory store() {
        return store;
    }

    private RedisCommands<byte[], byte[]> raw() {
        return redis.connection().sync();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    @Test
    void rememberWhenInviteThenSortedSetsScoredByEpochMillisWithCompactMembers() {
        SensitiveEvent invite = invite(now, alice, requests, bob);
        store.remember(invite).block();

        String member = "1 " + now.toEpochMilli() + " INVITE " + alice + " " + requests + " " + bob + " Owner";
        for (String key : List.of("guard:{" + alice + "}:seq", "guard:{" + bob + "}:seq",
                "guard:project:{" + requests + "}:seq")) {
            List<ScoredValue<byte[]>> members = raw().zrangeWithScores(bytes(key), 0, -1);
            assertThat(members).as(key).singleElement().satisfies(scored -> {
                assertThat(new String(scored.getValue(), UTF_8)).isEqualTo(member);
                assertThat((long) scored.getScore()).isEqualTo(now.toEpochMilli());
            });
        }
    }

    @Test
    void keyWhenAccountThenInTheSlotOfItsFactors() {
        assertThat(SlotHash.getSlot(RedisSequenceHistory.key(new ByAccount(alice))))
                .isEqualTo(SlotHash.getSlot(bytes("guard:{" + alice + "}:factors")));
        assertThat(new String(RedisSequenceHistory.key(new ByProject("Re_Quests")), UTF_8))
                .isEqualTo("guard:project:{re-quests}:seq");
    }

    @Test
    void rememberWhenWrittenThenExpiresAfterTheRetention() {
        store.remember(invite(now, alice, requests, bob)).block();

        // The bounds leave room for a slow machine.
        assertThat(raw().pttl(bytes("guard:project:{" + requests + "}:seq")))
                .isBetween(RETENTION.minusMinutes(1).toMillis(), RETENTION.toMillis());
    }

    @Test
    void rememberWhenOlderMembersBeyondTheRetentionThenTrimmedFromTheSet() {
        byte[] key = bytes("guard:project:{" + requests + "}:seq");
        long stale = now.minus(RETENTION).minusSeconds(1).toEpochMilli();
        raw().zadd(key, stale, bytes("1 " + stale + " INVITE x " + requests + " y "));

        store.remember(invite(now, alice, requests, bob)).block();

        assertThat(raw().zcard(key)).isEqualTo(1);
    }

    @Test
    void recentWhenMemberOfAnotherFormatVersionThenSkipped() {
        byte[] key = bytes("guard:project:{" + requests + "}:seq");
        raw().zadd(key, now.toEpochMilli(), bytes("2 something newer"));
        SensitiveEvent invite = invite(now, alice, requests, bob);
        store.remember(invite).block();

        assertThat(recent(new ByProject(requests), now)).containsExactly(invite);
    }

    @Test
    void recentWhenRedisStoppedThenErrorInsteadOfHanging() {
        assumeTrue(redis.server().canRestart(), "needs a redis-server the tests start (not SPRING_DATA_REDIS_URL)");
        redis.server().stop();

        StepVerifier.create(store.recent(new ByAccount(alice), now)).expectError(RedisException.class)
                .verify(Duration.ofSeconds(5));
        StepVerifier.create(store.remember(invite(now, alice, requests, bob))).expectError(RedisException.class)
                .verify(Duration.ofSeconds(5));
    }
}
