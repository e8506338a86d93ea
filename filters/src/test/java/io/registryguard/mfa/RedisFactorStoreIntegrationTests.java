package io.registryguard.mfa;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.SlotHash;
import io.registryguard.testsupport.Race;
import io.registryguard.testsupport.RedisSession;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The factor store contract on a real Redis, plus what only Redis has: the key layout, no expiry, outages. */
class RedisFactorStoreIntegrationTests extends FactorStoreContract {

    private RedisSession redis;
    private RedisFactorStore store;

    @BeforeEach
    void connect() {
        redis = RedisSession.open();
        store = new RedisFactorStore(redis.connection());
    }

    @AfterEach
    void disconnect() {
        redis.close();
    }

    @Override
    FactorStore store() {
        return store;
    }

    private RedisCommands<byte[], byte[]> raw() {
        return redis.connection().sync();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    @Test
    void saveWhenSavedThenHashAndSetUnderTheAccountsHashTagWithoutExpiry() {
        EnrolledFactors saved = factors(alice, 100);
        store.save(saved).block();

        byte[] factorsKey = bytes("guard:{" + alice + "}:factors");
        byte[] recoveryKey = bytes("guard:{" + alice + "}:recovery");
        Map<String, String> hash = raw().hgetall(factorsKey).entrySet().stream()
                .collect(Collectors.toMap(e -> new String(e.getKey(), UTF_8), e -> new String(e.getValue(), UTF_8)));
        assertThat(hash).containsExactlyInAnyOrderEntriesOf(Map.of("secret", saved.encryptedTotpSecret(),
                "step", "100", "enrolled_at", "2026-11-02T10:00:00.123456789Z"));
        assertThat(raw().smembers(recoveryKey).stream().map(m -> new String(m, UTF_8)))
                .containsExactlyInAnyOrder(CODE_A, CODE_B);
        assertThat(raw().pttl(factorsKey)).as("factors never expire").isEqualTo(-1);
        assertThat(raw().pttl(recoveryKey)).isEqualTo(-1);
    }

    @Test
    void advanceAndReplaceWhenDoneThenStillNoExpiry() {
        store.save(factors(alice, 100)).block();
        store.advanceTotpStep(alice, 101).block();
        store.replaceRecoveryCodes(alice, Set.of(CODE_C)).block();

        assertThat(raw().pttl(RedisFactorStore.factorsKey(alice))).isEqualTo(-1);
        assertThat(raw().pttl(RedisFactorStore.recoveryKey(alice))).isEqualTo(-1);
    }

    @Test
    void keysWhenOneAccountThenOneClusterSlot() {
        assertThat(SlotHash.getSlot(RedisFactorStore.factorsKey(alice)))
                .isEqualTo(SlotHash.getSlot(RedisFactorStore.recoveryKey(alice)))
                .isEqualTo(SlotHash.getSlot(alice));
    }

    @Test
    void saveWhenSavedTwiceThenNoStaleRecoveryCodeLeft() {
        store.save(factors(alice, 100)).block();
        store.save(factors(alice, 100, Set.of())).block();

        assertThat(raw().exists(RedisFactorStore.recoveryKey(alice))).isZero();
        assertThat(store.consumeRecoveryCode(alice, CODE_A).block()).isFalse();
    }

    @Test
    void findWhenHashLacksAFieldThenErrorNotFactors() {
        raw().hset(RedisFactorStore.factorsKey(alice), bytes("step"), bytes("5"));

        StepVerifier.create(store.find(alice)).verifyError(IllegalStateException.class);
    }

    @Test
    void everyOperationWhenRedisStoppedThenErrorsInsteadOfHanging() {
        assumeTrue(redis.server().canRestart(), "needs a redis-server the tests start (not SPRING_DATA_REDIS_URL)");
        store.save(factors(alice, 100)).block();
        redis.server().stop();

        List<Mono<?>> operations = List.of(store.find(alice), store.save(factors(alice, 100)),
                store.consumeRecoveryCode(alice, CODE_A), store.advanceTotpStep(alice, 101),
                store.replaceRecoveryCodes(alice, Set.of(CODE_C)), store.delete(alice));
        for (Mono<?> operation : operations) {
            StepVerifier.create(operation).expectError(RedisException.class).verify(Duration.ofSeconds(5));
        }
    }

    @Test
    void advanceTotpStepWhenRedisHangsThenTimesOutWithinTheCommandTimeout() {
        assumeTrue(redis.server().canRestart(), "needs a redis-server the tests start (not SPRING_DATA_REDIS_URL)");
        store.save(factors(alice, 100)).block();
        redis.server().pause();
        try {
            StepVerifier.create(store.advanceTotpStep(alice, 101))
                    .expectError(RedisException.class)
                    .verify(Duration.ofSeconds(5));
        } finally {
            redis.server().resume();
        }
        assertThat(store.find(alice).block().lastTotpStep()).as("the timed-out step may or may not have landed")
                .isBetween(100L, 101L);
    }

    @Test
    void verifyWhenThreadsRaceWithOneCodeOnRedisThenExactlyOneAcceptedEachStep() throws Exception {
        ServiceFixture fixture = new ServiceFixture(store);
        TotpSecret secret = fixture.enroll(alice).secret();
        for (int round = 0; round < 5; round++) {
            fixture.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
            String code = fixture.code(secret, 0);

            List<Boolean> accepted = Race.of(RACERS,
                    () -> fixture.service.verify(alice, code).block().accepted());

            assertThat(accepted).as("round %d", round).containsOnlyOnce(true);
        }
    }

    @Test
    void verifyWhenThreadsRaceWithOneRecoveryCodeOnRedisThenExactlyOneAccepted() throws Exception {
        ServiceFixture fixture = new ServiceFixture(store);
        String code = fixture.enroll(alice).recoveryCodes().get(0);

        List<Boolean> accepted = Race.of(RACERS,
                () -> fixture.service.verify(alice, code).block().accepted());

        assertThat(accepted).containsOnlyOnce(true);
    }
}
