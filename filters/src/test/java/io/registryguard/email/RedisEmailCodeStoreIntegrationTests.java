package io.registryguard.email;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;
import io.registryguard.email.CheckResult.Outcome;
import io.registryguard.testsupport.Race;
import io.registryguard.testsupport.RedisSession;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The email code store contract on a real Redis, plus what only Redis has: the layout, the TTL, outages. */
class RedisEmailCodeStoreIntegrationTests extends EmailCodeStoreContract {

    private RedisSession redis;
    private RedisEmailCodeStore store;

    @BeforeEach
    void connect() {
        redis = RedisSession.open();
        store = new RedisEmailCodeStore(redis.connection());
    }

    @AfterEach
    void disconnect() {
        redis.close();
    }

    @Override
    EmailCodeStore store() {
        return store;
    }

    private RedisCommands<byte[], byte[]> raw() {
        return redis.connection().sync();
    }

    private byte[] key() {
        return enroll.redisKey().getBytes(UTF_8);
    }

    private String field(Map<byte[], byte[]> hash, String name) {
        return hash.entrySet().stream().filter(e -> new String(e.getKey(), UTF_8).equals(name))
                .map(e -> new String(e.getValue(), UTF_8)).findFirst().orElseThrow();
    }

    @Test
    void putWhenStoredThenHashWithRawBytesAndDecimalsExpiringAtForgetAt() {
        StoredCode code = code(HASH, 5);
        store.put(enroll, code).block();

        assertThat(enroll.redisKey()).isEqualTo("guard:{" + alice + "}:email-code:enroll");
        Map<byte[], byte[]> hash = raw().hgetall(key());
        assertThat(hash).hasSize(4);
        assertThat(hash.entrySet()).anySatisfy(e -> {
            assertThat(new String(e.getKey(), UTF_8)).isEqualTo("h");
            assertThat(e.getValue()).isEqualTo(HASH);
        });
        assertThat(field(hash, "e")).isEqualTo(Long.toString(code.expiresAt().toEpochMilli()));
        assertThat(field(hash, "f")).isEqualTo(Long.toString(code.forgetAt().toEpochMilli()));
        assertThat(field(hash, "t")).isEqualTo("5");
        // Set at the real "now" this test started at; the bounds leave room for a slow machine.
        assertThat(raw().pttl(key())).isBetween(TTL.multipliedBy(2).minusMinutes(1).toMillis(),
                TTL.multipliedBy(2).toMillis());
    }

    @Test
    void reserveTryWhenTriesUsedThenExpiryKept() {
        store.put(enroll, code(HASH, 5)).block();

        reserve(enroll);
        reserve(enroll);

        assertThat(field(raw().hgetall(key()), "t")).isEqualTo("3");
        assertThat(raw().pttl(key())).isGreaterThan(TTL.toMillis());
    }

    @Test
    void putWhenForgetAtAlreadyPassedThenNothingKept() {
        Instant past = Instant.now().minus(Duration.ofMinutes(1));

        store.put(enroll, new StoredCode(HASH, past, past, 5)).block();

        assertThat(raw().exists(key())).isZero();
    }

    @Test
    void reserveTryWhenForgottenByTheCallersClockThenDeleted() {
        store.put(enroll, code(HASH, 5)).block();
        clock.advance(TTL.multipliedBy(2));

        assertThat(reserve(enroll)).isEqualTo(TryReservation.none());
        assertThat(raw().exists(key())).isZero();
    }

    @Test
    void checkWhenTwentyConcurrentCorrectChecksThenExactlyOneAccepted() throws Exception {
        EmailVerification verification = EmailVerification.create(EmailCodeSettings.defaults(), store,
                EmailVerification.generateHashKey(), clock);
        String code = verification.issue(alice, CodePurpose.ENROLL).block().code();

        List<CheckResult> results = Race.of(RACERS,
                () -> verification.check(alice, CodePurpose.ENROLL, code).block());

        assertThat(results).filteredOn(CheckResult::isAccepted).hasSize(1);
        assertThat(results).extracting(CheckResult::outcome).doesNotContain(Outcome.WRONG);
        assertThat(verification.check(alice, CodePurpose.ENROLL, code).block()).isEqualTo(CheckResult.none());
    }

    @Test
    void everyOperationWhenRedisStoppedThenErrorsInsteadOfHanging() {
        assumeTrue(redis.server().canRestart(), "needs a redis-server the tests start (not SPRING_DATA_REDIS_URL)");
        store.put(enroll, code(HASH, 5)).block();
        redis.server().stop();

        List<Mono<?>> operations = List.of(store.put(enroll, code(HASH, 5)), store.reserveTry(enroll, clock.instant()),
                store.consume(enroll, HASH));
        for (Mono<?> operation : operations) {
            StepVerifier.create(operation).expectError(RedisException.class).verify(Duration.ofSeconds(5));
        }
    }

    @Test
    void checkWhenRedisStoppedThenErrorNotAccepted() {
        assumeTrue(redis.server().canRestart(), "needs a redis-server the tests start (not SPRING_DATA_REDIS_URL)");
        EmailVerification verification = EmailVerification.create(EmailCodeSettings.defaults(), store,
                EmailVerification.generateHashKey(), clock);
        String code = verification.issue(alice, CodePurpose.ENROLL).block().code();
        redis.server().stop();

        StepVerifier.create(verification.check(alice, CodePurpose.ENROLL, code))
                .expectError(RedisException.class)
                .verify(Duration.ofSeconds(5));
    }
}
