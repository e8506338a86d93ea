package io.registryguard.risk;

import io.registryguard.policy.risk.TimeBuckets;

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
 * Counts in Redis hashes, one per source and bucket ({@code guard:risk:outcomes:{<source>}:<index>}, fields
 * {@code a} attempts and {@code f} failures), each expiring once it has left the window.
 */
public final class RedisAttemptCounts implements AttemptCounts {

    private static final LuaScript RECORD = LuaScript.of("""
            redis.call('HINCRBY', KEYS[1], 'a', 1)
            redis.call('HINCRBY', KEYS[1], 'f', tonumber(ARGV[1]))
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
            """);
    private static final LuaScript SUM = LuaScript.of("""
            local a, f = 0, 0
            for _, key in ipairs(KEYS) do
              local v = redis.call('HMGET', key, 'a', 'f')
              a = a + (tonumber(v[1]) or 0)
              f = f + (tonumber(v[2]) or 0)
            end
            return {a, f}
            """);

    private final RedisAsyncCommands<byte[], byte[]> redis;
    private final TimeBuckets buckets;

    public RedisAttemptCounts(StatefulRedisConnection<byte[], byte[]> connection, TimeBuckets buckets) {
        this.redis = Objects.requireNonNull(connection, "connection").async();
        this.buckets = Objects.requireNonNull(buckets, "buckets");
    }

    @Override
    public Mono<Void> record(String source, Instant time, boolean failed) {
        byte[][] keys = { key(source, buckets.indexAt(time)) };
        return RECORD.<Long>run(redis, ScriptOutputType.INTEGER, keys, (failed ? "1" : "0").getBytes(UTF_8),
                String.valueOf(buckets.retention().toMillis()).getBytes(UTF_8)).then();
    }

    @Override
    public Mono<Counts> counts(String source, Instant time) {
        long current = buckets.indexAt(time);
        byte[][] keys = new byte[buckets.count()][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key(source, current - i);
        }
        return SUM.<List<Object>>run(redis, ScriptOutputType.MULTI, keys)
                .map(reply -> new Counts((Long) reply.get(0), (Long) reply.get(1)));
    }

    static byte[] key(String source, long bucket) {
        return ("guard:risk:outcomes:{" + source + "}:" + bucket).getBytes(UTF_8);
    }
}
