package io.registryguard.sequence;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.registryguard.redis.LuaScript;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link SequenceHistory} in Redis, shared by every replica. One sorted set per history:
 * <pre>
 * guard:{&lt;account&gt;}:seq           what the account did and what was done to it (the account's slot, with its
 *                                 factors)
 * guard:project:{&lt;project&gt;}:seq   what was done on the project
 * </pre>
 * Score: the event's epoch milliseconds. Member: the event in {@link SensitiveEventCodec}'s compact text. Each write
 * is one script per history, so Redis Cluster can route it: {@code ZADD}, {@code ZREMRANGEBYSCORE} of what is older
 * than the retention, {@code ZREMRANGEBYRANK} down to the newest {@code maxEventsPerKey}, and {@code PEXPIRE} to the
 * retention, so a history nobody writes to any more disappears by itself. An event belongs to up to three histories
 * (actor, target, project), written side by side, not atomically: a reader may see it in one before the others.
 *
 * <p>On a Redis error (unreachable, timed out: the connection's command timeout bounds the wait) both operations
 * emit that error; the caller decides what an unknown history means.
 */
public final class RedisSequenceHistory implements SequenceHistory {

    static final LuaScript REMEMBER = LuaScript.of("""
            redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[3])
            redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[4]) + 1))
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            return 1
            """);

    private final RedisAsyncCommands<byte[], byte[]> redis;
    private final Duration retention;
    private final int maxEventsPerKey;
    private final Clock clock;

    /**
     * @param connection the shared Lettuce connection ({@code RateLimitRedis.connection()})
     * @param retention  how long an event is kept: the policy's {@code SequencePolicy.longestWindow()}
     */
    public RedisSequenceHistory(StatefulRedisConnection<byte[], byte[]> connection, Duration retention, Clock clock) {
        this(connection, retention, InMemorySequenceHistory.DEFAULT_MAX_EVENTS_PER_KEY, clock);
    }

    public RedisSequenceHistory(StatefulRedisConnection<byte[], byte[]> connection, Duration retention,
            int maxEventsPerKey, Clock clock) {
        this.redis = Objects.requireNonNull(connection, "connection").async();
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.toMillis() < 1) {
            throw new IllegalArgumentException("retention must be at least 1 ms, was " + retention);
        }
        if (maxEventsPerKey < 1) {
            throw new IllegalArgumentException("maxEventsPerKey must be positive, was " + maxEventsPerKey);
        }
        this.maxEventsPerKey = maxEventsPerKey;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Mono<Void> remember(SensitiveEvent event) {
        Objects.requireNonNull(event, "event");
        return Flux.defer(() -> {
            byte[] member = SensitiveEventCodec.encode(event);
            byte[] score = decimal(event.time().toEpochMilli());
            byte[] oldestKept = decimal(oldestKept().toEpochMilli());
            byte[] max = decimal(maxEventsPerKey);
            byte[] ttl = decimal(retention.toMillis());
            return Flux.fromIterable(HistoryKey.of(event)).flatMap(key -> REMEMBER.<Long>run(redis,
                    ScriptOutputType.INTEGER, new byte[][] {key(key)}, score, member, oldestKept, max, ttl));
        }).then();
    }

    @Override
    public Flux<SensitiveEvent> recent(HistoryKey key, Instant since) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(since, "since");
        return Flux.defer(() -> {
            Instant from = since.isAfter(oldestKept()) ? since : oldestKept();
            Range<Long> range = Range.from(Range.Boundary.including(from.toEpochMilli()), Range.Boundary.unbounded());
            return Mono.fromCompletionStage(() -> redis.zrangebyscore(key(key), range))
                    .flatMapIterable(members -> members)
                    .map(SensitiveEventCodec::decode)
                    .filter(Optional::isPresent)
                    .map(Optional::get);
        });
    }

    static byte[] key(HistoryKey key) {
        String text = key instanceof HistoryKey.ByAccount account
                ? "guard:{" + account.account() + "}:seq"
                : "guard:project:{" + ((HistoryKey.ByProject) key).project() + "}:seq";
        return text.getBytes(UTF_8);
    }

    private Instant oldestKept() {
        return clock.instant().minus(retention);
    }

    private static byte[] decimal(long value) {
        return Long.toString(value).getBytes(UTF_8);
    }
}
