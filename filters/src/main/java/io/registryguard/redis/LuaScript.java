package io.registryguard.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import reactor.core.publisher.Mono;

/**
 * A Lua script run as one atomic Redis step: {@code EVALSHA} by its SHA-1, and {@code EVAL} of the source when
 * Redis answers {@code NOSCRIPT} (after a restart, a failover or {@code SCRIPT FLUSH}; the {@code EVAL} loads it
 * again for the next time). Nothing is sent until the returned {@link Mono} is subscribed.
 *
 * <p>Scripts must name every key they touch in {@code KEYS} (Redis Cluster routes by them) and must not read
 * {@code TIME} or random numbers: the caller passes its clock's "now" in.
 */
public final class LuaScript {

    private final byte[] source;
    private final String sha1;

    private LuaScript(String source) {
        this.source = source.getBytes(StandardCharsets.UTF_8);
        this.sha1 = sha1Hex(this.source);
    }

    public static LuaScript of(String source) {
        Objects.requireNonNull(source, "source");
        return new LuaScript(source);
    }

    /** The hex SHA-1 Redis knows the script by. */
    public String sha1() {
        return sha1;
    }

    /**
     * Runs the script. Emits the reply converted as {@code type} says ({@code Long} for {@code INTEGER}, a
     * {@code List<Object>} of {@code Long}s, {@code byte[]}s and nested lists for {@code MULTI}); completes empty
     * when the script returns {@code nil}, except with {@code MULTI}, which gives a list holding {@code null}
     * (so a {@code MULTI} script says "nothing" with an empty array); errors when Redis does (unreachable, timed
     * out, script error: a failing script is not run a second time).
     */
    public <T> Mono<T> run(RedisAsyncCommands<byte[], byte[]> redis, ScriptOutputType type, byte[][] keys,
            byte[]... args) {
        Objects.requireNonNull(redis, "redis");
        Mono<T> bySha = Mono.fromCompletionStage(() -> redis.<T>evalsha(sha1, type, keys, args));
        return bySha.onErrorResume(RedisNoScriptException.class,
                notLoaded -> Mono.fromCompletionStage(() -> redis.<T>eval(source, type, keys, args)));
    }

    private static String sha1Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "LuaScript[" + sha1 + "]";
    }
}
