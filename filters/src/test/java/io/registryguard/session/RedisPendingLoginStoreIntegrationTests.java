package io.registryguard.session;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;
import io.registryguard.mfa.FactorKeyRing;
import io.registryguard.testsupport.RedisSession;
import reactor.test.StepVerifier;

/**
 * The pending login store contract on a real Redis, plus what only Redis has: the key, the value sealed at rest,
 * values that do not open, outages.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisPendingLoginStoreIntegrationTests extends PendingLoginStoreContract {

    private static final FactorKeyRing RING = ring("2026-11", "2026-05");

    private RedisSession redis;
    private RedisPendingLoginStore store;

    @BeforeEach
    void connect() {
        redis = RedisSession.open();
        store = new RedisPendingLoginStore(redis.connection(), RING);
    }

    @AfterEach
    void disconnect() {
        redis.close();
    }

    @Override
    PendingLoginStore store() {
        return store;
    }

    /** On Redis's clock: the key's PTTL, set at the real "now"; the bounds leave room for a slow machine. */
    @Override
    void assertForgottenAfter(String id, Duration ttl) {
        assertThat(raw().pttl(key(id))).isBetween(ttl.minusMinutes(1).toMillis(), ttl.toMillis());
    }

    private RedisCommands<byte[], byte[]> raw() {
        return redis.connection().sync();
    }

    private static byte[] key(String id) {
        return ("guard:pending:" + id).getBytes(UTF_8);
    }

    /** A ring of the given kids, the first primary; each kid's key is derived from its name, so rings share keys. */
    private static FactorKeyRing ring(String... kids) {
        StringBuilder json = new StringBuilder("{\"keys\": [");
        for (int i = 0; i < kids.length; i++) {
            byte[] key = new byte[32];
            byte[] seed = kids[i].getBytes(UTF_8);
            for (int b = 0; b < key.length; b++) {
                key[b] = (byte) (seed[b % seed.length] * 31 + b * 7);
            }
            json.append(i == 0 ? "" : ", ").append("{\"kid\": \"").append(kids[i]).append("\", \"key\": \"")
                    .append(Base64.getEncoder().encodeToString(key)).append("\"}");
        }
        return FactorKeyRing.fromJson(json.append("]}").toString());
    }

    private static boolean contains(byte[] haystack, String text) {
        byte[] needle = text.getBytes(UTF_8);
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void saveWhenSavedThenOneStringUnderTheIdSealedWithThePrimaryKey() {
        store.save(login(id), TTL).block();

        assertThat(raw().type(key(id))).isEqualTo("string");
        assertThat(new String(raw().get(key(id)), UTF_8)).startsWith("v1.2026-11.");
    }

    @Test
    void saveWhenSavedThenNeitherCookiesNorTotpSecretNorUserAreReadableInRedis() {
        store.save(login(id), TTL).block();

        byte[] value = raw().get(key(id));
        for (String secret : new String[] {SESSION_COOKIE, CSRF_COOKIE, "s3ss10n-0f-al1ce", "c5rf-0f-al1ce",
                TOTP_SECRET, "alice", "Firefox", "/manage/projects/"}) {
            assertThat(contains(value, secret)).as("raw value contains %s", secret).isFalse();
        }
        assertThat(contains(value, "v1.2026-11.")).as("the search finds what is there").isTrue();
    }

    @Test
    void findWhenValueCopiedUnderAnotherIdThenEmptyThereAndOriginalStillOpens() {
        String other = SignedValue.randomId();
        store.save(login(id), TTL).block();

        raw().set(key(other), raw().get(key(id)));

        StepVerifier.create(store.find(other)).verifyComplete();
        StepVerifier.create(store.take(other)).verifyComplete();
        StepVerifier.create(store.find(id)).expectNext(login(id)).verifyComplete();
    }

    @Test
    void findWhenSealingKeyNotOnTheRingThenEmptyAndWarningShowsOnlyAFingerprintOfTheId(CapturedOutput output) {
        store.save(login(id), TTL).block();
        RedisPendingLoginStore otherRing = new RedisPendingLoginStore(redis.connection(), ring("2027-01"));

        assertThatCode(() -> StepVerifier.create(otherRing.find(id)).verifyComplete()).doesNotThrowAnyException();
        assertThat(output).contains("WARN")
                .contains("Pending login " + RedisPendingLoginStore.fingerprint(id) + " in Redis cannot be read")
                .doesNotContain(id)
                .doesNotContain("s3ss10n-0f-al1ce").doesNotContain(TOTP_SECRET).doesNotContain("2026-11");
    }

    @Test
    void takeWhenSealingKeyNotOnTheRingThenEmptyAndTheEntryIsGone() {
        store.save(login(id), TTL).block();
        RedisPendingLoginStore otherRing = new RedisPendingLoginStore(redis.connection(), ring("2027-01"));

        StepVerifier.create(otherRing.take(id)).verifyComplete();

        assertThat(raw().exists(key(id))).isZero();
    }

    @Test
    void findWhenPrimaryRotatedAndOldKeyStillOnTheRingThenOpens() {
        store.save(login(id), TTL).block();
        RedisPendingLoginStore rotated = new RedisPendingLoginStore(redis.connection(), ring("2027-01", "2026-11"));

        StepVerifier.create(rotated.take(id)).expectNext(login(id)).verifyComplete();
    }

    @Test
    void findWhenCiphertextAlteredThenEmpty() {
        store.save(login(id), TTL).block();
        byte[] value = raw().get(key(id));
        // Inside the ciphertext, not its last character: that one may carry base64 padding bits the decoder ignores.
        int inside = value.length - 10;
        value[inside] = (byte) (value[inside] == 'A' ? 'B' : 'A');
        raw().set(key(id), value);

        StepVerifier.create(store.find(id)).verifyComplete();
    }

    @Test
    void findWhenValueNotSealedThenEmpty() {
        raw().set(key(id), "{\"v\": 1, \"username\": \"alice\"}".getBytes(UTF_8));

        StepVerifier.create(store.find(id)).verifyComplete();
    }

    @Test
    void findWhenSealedButNotAPendingLoginRecordThenEmpty() {
        raw().set(key(id), RING.seal("pending-login:" + id, "{\"v\": 2}".getBytes(UTF_8)).getBytes(UTF_8));

        StepVerifier.create(store.find(id)).verifyComplete();
    }

    @Test
    void saveWhenTtlBelowOneMillisecondThenErrorAndNothingSaved() {
        StepVerifier.create(store.save(login(id), Duration.ZERO)).expectError(IllegalArgumentException.class)
                .verify();

        assertThat(raw().exists(key(id))).isZero();
    }

    @Test
    void everyOperationWhenRedisStoppedThenErrorInsteadOfHanging() {
        assumeTrue(redis.server().canRestart(), "needs a redis-server the tests start (not SPRING_DATA_REDIS_URL)");
        redis.server().stop();

        StepVerifier.create(store.save(login(id), TTL)).expectError(RedisException.class).verify(Duration.ofSeconds(5));
        StepVerifier.create(store.find(id)).expectError(RedisException.class).verify(Duration.ofSeconds(5));
        StepVerifier.create(store.take(id)).expectError(RedisException.class).verify(Duration.ofSeconds(5));
    }
}
