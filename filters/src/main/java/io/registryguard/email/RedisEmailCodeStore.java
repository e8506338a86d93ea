package io.registryguard.email;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.registryguard.redis.LuaScript;
import reactor.core.publisher.Mono;

/**
 * {@link EmailCodeStore} in Redis, shared by every replica. Key {@link CodeKey#redisKey()}
 * ({@code guard:{alice}:email-code:enroll}), a hash: {@code h} the 32-byte hash as raw bytes, {@code e}
 * {@code expiresAt} and {@code f} {@code forgetAt} in epoch milliseconds, {@code t} tries left, all numbers
 * decimal. The key expires at {@code forgetAt} ({@code PEXPIREAT}, Redis's clock); {@code f} is kept too so
 * that "forgotten" follows the caller's clock exactly as in {@link InMemoryEmailCodeStore}, whatever the
 * two clocks' skew. Instants are cut to the millisecond.
 *
 * <p>On a Redis error (unreachable, timed out: the connection's command timeout bounds the wait) every
 * operation emits that error. Callers fail closed: a code that could not be stored was not sent ("try again
 * later"); a code that could not be checked or consumed is never accepted.
 */
public final class RedisEmailCodeStore implements EmailCodeStore {

    /** Replaces the entry: ARGV = h, e, f, t; expires at f. */
    static final LuaScript PUT = LuaScript.of("""
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'h', ARGV[1], 'e', ARGV[2], 'f', ARGV[3], 't', ARGV[4])
            redis.call('PEXPIREAT', KEYS[1], ARGV[3])
            return 1
            """);

    /**
     * ARGV[1] = now. {0} none (a forgotten entry is deleted), {1} expired, {2} burned, or {3, h, tries left}
     * after using up one try.
     */
    static final LuaScript RESERVE_TRY = LuaScript.of("""
            local v = redis.call('HMGET', KEYS[1], 'h', 'e', 'f', 't')
            if not v[1] then
              return {0}
            end
            local now = tonumber(ARGV[1])
            if now >= tonumber(v[3]) then
              redis.call('DEL', KEYS[1])
              return {0}
            end
            if now >= tonumber(v[2]) then
              return {1}
            end
            if tonumber(v[4]) <= 0 then
              return {2}
            end
            return {3, v[1], redis.call('HINCRBY', KEYS[1], 't', -1)}
            """);

    /** Deletes the entry only while it holds ARGV[1] as its hash: 1 when deleted. */
    static final LuaScript CONSUME = LuaScript.of("""
            if redis.call('HGET', KEYS[1], 'h') == ARGV[1] then
              redis.call('DEL', KEYS[1])
              return 1
            end
            return 0
            """);

    private static final TryReservation.Status[] STATUSES = {TryReservation.Status.NONE,
            TryReservation.Status.EXPIRED, TryReservation.Status.BURNED, TryReservation.Status.RESERVED};

    private final RedisAsyncCommands<byte[], byte[]> redis;

    /** @param connection the shared Lettuce connection ({@code RateLimitRedis.connection()}) */
    public RedisEmailCodeStore(StatefulRedisConnection<byte[], byte[]> connection) {
        this.redis = Objects.requireNonNull(connection, "connection").async();
    }

    @Override
    public Mono<Void> put(CodeKey key, StoredCode code) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(code, "code");
        return Mono.defer(() -> PUT.<Long>run(redis, ScriptOutputType.INTEGER, keys(key), code.hash(),
                millis(code.expiresAt()), millis(code.forgetAt()), decimal(code.triesLeft()))).then();
    }

    @Override
    public Mono<TryReservation> reserveTry(CodeKey key, Instant now) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        return Mono.defer(() -> RESERVE_TRY.<List<Object>>run(redis, ScriptOutputType.MULTI, keys(key), millis(now))
                .map(RedisEmailCodeStore::reservation));
    }

    @Override
    public Mono<Boolean> consume(CodeKey key, byte[] hash) {
        Objects.requireNonNull(key, "key");
        byte[] expected = Objects.requireNonNull(hash, "hash").clone();
        return Mono.defer(() -> CONSUME.<Long>run(redis, ScriptOutputType.INTEGER, keys(key), expected))
                .map(deleted -> deleted == 1L);
    }

    private static TryReservation reservation(List<Object> reply) {
        TryReservation.Status status = STATUSES[Math.toIntExact((Long) reply.get(0))];
        return switch (status) {
            case NONE -> TryReservation.none();
            case EXPIRED -> TryReservation.expired();
            case BURNED -> TryReservation.burned();
            case RESERVED -> TryReservation.reserved((byte[]) reply.get(1), Math.toIntExact((Long) reply.get(2)));
        };
    }

    private static byte[][] keys(CodeKey key) {
        return new byte[][] {key.redisKey().getBytes(UTF_8)};
    }

    private static byte[] millis(Instant instant) {
        return decimal(instant.toEpochMilli());
    }

    private static byte[] decimal(long value) {
        return Long.toString(value).getBytes(UTF_8);
    }
}
