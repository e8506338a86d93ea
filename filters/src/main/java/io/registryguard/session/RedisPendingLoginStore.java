package io.registryguard.session;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.Objects;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.registryguard.mfa.FactorDecryptionException;
import io.registryguard.mfa.FactorKeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * {@link PendingLoginStore} in Redis, shared by every replica: one string per pending login,
 * {@code guard:pending:<id>}, holding the {@link PendingLoginJson record} sealed by the {@link FactorKeyRing} with
 * associated data {@code pending-login:<id>} (it holds the registry's session cookies; a value copied under another
 * id does not open). {@code save} is {@code SET … PX <ttl>}, so Redis forgets it on its own; {@code take} is
 * {@code GETDEL} (Redis 6.2 or later), one atomic step, so only one request can complete a pending login.
 *
 * <p>A value that does not open (altered, moved, sealed with a key no longer on the ring, or with another replica's
 * generated ring) is treated as absent and logged at WARN with its id only: the user logs in again. On a Redis error
 * (unreachable, timed out: the connection's command timeout bounds the wait) every operation emits that error.
 */
public final class RedisPendingLoginStore implements PendingLoginStore {

    private static final Logger log = LoggerFactory.getLogger(RedisPendingLoginStore.class);

    private final RedisAsyncCommands<byte[], byte[]> redis;
    private final FactorKeyRing keys;

    /** @param connection the shared Lettuce connection ({@code RateLimitRedis.connection()}) */
    public RedisPendingLoginStore(StatefulRedisConnection<byte[], byte[]> connection, FactorKeyRing keys) {
        this.redis = Objects.requireNonNull(connection, "connection").async();
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public Mono<Void> save(PendingLogin login, Duration ttl) {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.toMillis() < 1) { // PX 0 is a Redis error
            return Mono.error(new IllegalArgumentException("ttl must be at least 1 ms, was " + ttl));
        }
        return Mono.defer(() -> {
            byte[] sealed = keys.seal(associatedData(login.id()), PendingLoginJson.write(login)).getBytes(UTF_8);
            return Mono.fromCompletionStage(redis.set(key(login.id()), sealed, SetArgs.Builder.px(ttl)));
        }).then();
    }

    @Override
    public Mono<PendingLogin> find(String id) {
        Objects.requireNonNull(id, "id");
        return Mono.fromCompletionStage(() -> redis.get(key(id))).flatMap(value -> open(id, value));
    }

    @Override
    public Mono<PendingLogin> take(String id) {
        Objects.requireNonNull(id, "id");
        return Mono.fromCompletionStage(() -> redis.getdel(key(id))).flatMap(value -> open(id, value));
    }

    static byte[] key(String id) {
        return ("guard:pending:" + id).getBytes(UTF_8);
    }

    static String associatedData(String id) {
        return "pending-login:" + id;
    }

    private Mono<PendingLogin> open(String id, byte[] value) {
        try {
            return Mono.just(PendingLoginJson.read(id, keys.open(associatedData(id), new String(value, UTF_8))));
        } catch (FactorDecryptionException | IllegalArgumentException unreadable) {
            // Neither message is logged: both are about the value. Nor is the id: it is the pending cookie's value;
            // a fingerprint lets an operator match log lines without being able to use it.
            log.warn("Pending login {} in Redis cannot be read (altered, moved from another key, sealed with a key no"
                    + " longer on the factor key ring, or not a record this version writes): treated as absent",
                    fingerprint(id));
            return Mono.empty();
        }
    }

    /** The first 8 hex digits of the id's SHA-256: enough to tell log lines apart, useless as a cookie. */
    static String fingerprint(String id) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(id.getBytes(UTF_8));
            return "#" + java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
