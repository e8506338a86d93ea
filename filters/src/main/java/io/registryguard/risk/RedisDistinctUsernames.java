package io.registryguard.risk;

import io.registryguard.policy.risk.TimeBuckets;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.Objects;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.registryguard.redis.LuaScript;
import reactor.core.publisher.Mono;

/**
 * Distinct usernames in Redis HyperLogLogs, one per source and bucket ({@code guard:risk:users:{<source>}:<index>},
 * the hash tag keeping a source's buckets in one Cluster slot). One script adds to the current bucket, sets its
 * expiry to window + bucket, and merges the window's buckets with a multi-key {@code PFCOUNT}: one round trip,
 * 12 KB at most per bucket, about 0.8% error.
 */
public final class RedisDistinctUsernames implements DistinctUsernames {

    private static final LuaScript ADD_AND_COUNT = LuaScript.of("""
            redis.call('PFADD', KEYS[1], ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return redis.call('PFCOUNT', unpack(KEYS))
            """);

    private final RedisAsyncCommands<byte[], byte[]> redis;
    private final TimeBuckets buckets;

    public RedisDistinctUsernames(StatefulRedisConnection<byte[], byte[]> connection, TimeBuckets buckets) {
        this.redis = Objects.requireNonNull(connection, "connection").async();
        this.buckets = Objects.requireNonNull(buckets, "buckets");
    }

    @Override
    public Mono<Long> addAndCount(String source, String username, Instant time) {
        long current = buckets.indexAt(time);
        byte[][] keys = new byte[buckets.count()][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key(source, current - i); // KEYS[1] is the current bucket
        }
        byte[] ttl = String.valueOf(buckets.retention().toMillis()).getBytes(UTF_8);
        return ADD_AND_COUNT.run(redis, ScriptOutputType.INTEGER, keys, username.getBytes(UTF_8), ttl);
    }

    static byte[] key(String source, long bucket) {
        return ("guard:risk:users:{" + source + "}:" + bucket).getBytes(UTF_8);
    }
}
