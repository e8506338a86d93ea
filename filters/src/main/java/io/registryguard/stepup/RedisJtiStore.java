package io.registryguard.stepup;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.Objects;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import reactor.core.publisher.Mono;

/**
 * Burned token ids in Redis, shared by every replica: one {@code SET guard:jti:<jti> 1 NX PXAT <expiresAt ms>}
 * per burn, so the key disappears once the token could no longer verify anyway. Needs Redis 6.2 or later
 * ({@code PXAT}). The expiry is on Redis's clock: the step-up clock skew added to {@code exp} covers the
 * replicas' and Redis's clocks drifting apart.
 *
 * <p>On a Redis error (unreachable, timed out: the connection's command timeout bounds the wait) the burn
 * emits that error. For a single-use route the caller must fail closed: a token that could not be burned
 * may be a replay, so answer "try again later" rather than let it through.
 */
public final class RedisJtiStore implements JtiStore {

    private static final byte[] BURNED = {'1'};

    private final RedisAsyncCommands<byte[], byte[]> redis;

    /** @param connection the shared Lettuce connection ({@code RateLimitRedis.connection()}) */
    public RedisJtiStore(StatefulRedisConnection<byte[], byte[]> connection) {
        this.redis = Objects.requireNonNull(connection, "connection").async();
    }

    @Override
    public Mono<Boolean> burn(String jti, Instant expiresAt) {
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(expiresAt, "expiresAt");
        // SET ... NX answers OK when it set the key and nil (an empty Mono) when the key was there.
        return Mono.fromCompletionStage(() -> redis.set(key(jti), BURNED, SetArgs.Builder.nx().pxAt(expiresAt)))
                .map("OK"::equals)
                .defaultIfEmpty(false);
    }

    static byte[] key(String jti) {
        return ("guard:jti:" + jti).getBytes(UTF_8);
    }
}
