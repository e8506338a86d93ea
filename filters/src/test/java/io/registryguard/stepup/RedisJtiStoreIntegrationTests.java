package io.registryguard.stepup;

import io.registryguard.testsupport.MutableClock;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lettuce.core.RedisException;
import io.registryguard.testsupport.Race;
import io.registryguard.testsupport.RedisSession;
import reactor.test.StepVerifier;

/** The jti store contract on a real Redis, plus the key, its expiry, outages and the guard on top. */
class RedisJtiStoreIntegrationTests extends JtiStoreContract {

    private RedisSession redis;
    private RedisJtiStore store;

    @BeforeEach
    void connect() {
        redis = RedisSession.open();
        store = new RedisJtiStore(redis.connection());
    }

    @AfterEach
    void disconnect() {
        redis.close();
    }

    @Override
    JtiStore store() {
        return store;
    }

    @Test
    void burnWhenBurnedThenKeyHoldsOneAndExpiresAtExpiresAt() {
        store.burn(jti, inFiveMinutes).block();

        byte[] key = RedisJtiStore.key(jti);
        assertThat(new String(key, UTF_8)).isEqualTo("guard:jti:" + jti);
        assertThat(redis.connection().sync().get(key)).isEqualTo(new byte[] {'1'});
        // Set at the real "now" this test started at; the bounds leave room for a slow machine.
        assertThat(redis.connection().sync().pttl(key)).isBetween(Duration.ofMinutes(4).toMillis(),
                Duration.ofMinutes(5).toMillis());
    }

    @Test
    void burnWhenRefusedThenExpiryNotExtended() {
        store.burn(jti, inFiveMinutes).block();

        store.burn(jti, inFiveMinutes.plus(Duration.ofHours(1))).block();

        assertThat(redis.connection().sync().pttl(RedisJtiStore.key(jti)))
                .isLessThanOrEqualTo(Duration.ofMinutes(5).toMillis());
    }

    @Test
    void burnWhenRedisStoppedThenErrorInsteadOfHanging() {
        assumeTrue(redis.server().canRestart(), "needs a redis-server the tests start (not SPRING_DATA_REDIS_URL)");
        redis.server().stop();

        StepVerifier.create(store.burn(jti, inFiveMinutes)).expectError(RedisException.class)
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void checkWhenTwentyConcurrentChecksOfOneSingleUseTokenOnRedisThenExactlyOneAllowed() throws Exception {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        StepUpKeySet keys = StepUpKeyGenerator.generate(clock);
        StepUpGuard guard = new StepUpGuard(() -> keys, StepUpSettings.defaults(), store, clock);
        StepUpRequirement singleUse = StepUpRequirement.of(Duration.ofMinutes(5), Set.of(StepUpAmr.OTP), true);
        String token = guard.issue("alice", "session-1", "token-create", clock.instant(), Set.of(StepUpAmr.OTP));

        List<StepUpDecision> decisions = Race.of(RACERS,
                () -> guard.check(singleUse, "token-create", "session-1", "alice", Optional.of(token)).block());

        assertThat(decisions).filteredOn(StepUpDecision::allowed).hasSize(1);
        assertThat(decisions).filteredOn(d -> !d.allowed()).hasSize(RACERS - 1)
                .allSatisfy(d -> assertThat(((StepUpDecision.Challenged) d).reason())
                        .isEqualTo(StepUpRejection.REPLAYED));
    }
}
