package io.registryguard.ratelimit;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

import io.github.bucket4j.redis.lettuce.RedisApi;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;

/**
 * The three Redis commands Bucket4j's compare-and-swap proxy needs (GET, EVAL, DEL), on Lettuce's async API, and
 * counted: the commands sent and the compare-and-swaps lost to a concurrent update (each costs a GET and an EVAL
 * more). Lettuce writes commands issued together on one connection in one go, so the checks of one attempt, issued
 * together, share their round trips.
 *
 * <p>Generic in the key type only because Bucket4j passes keys as an {@code Object[]} that holds {@code byte[]}s.
 */
final class LettuceRedisApi<K> implements RedisApi<K> {

    /** Told of each command as it is sent: its name and key. For the benchmark; the default does nothing. */
    static final BiConsumer<String, Object> NO_LISTENER = (command, key) -> { };

    private final RedisAsyncCommands<K, byte[]> redis;
    private final BiConsumer<String, Object> listener;
    private final LongAdder commands = new LongAdder();
    private final LongAdder lostSwaps = new LongAdder();

    LettuceRedisApi(RedisAsyncCommands<K, byte[]> redis, BiConsumer<String, Object> listener) {
        this.redis = redis;
        this.listener = listener;
    }

    @Override
    public <V> RedisFuture<V> eval(String script, ScriptOutputType type, K[] keys, byte[][] params) {
        sent("EVAL", keys[0]);
        RedisFuture<V> result = redis.eval(script, type, keys, params);
        result.thenAccept(swapped -> {
            if (Boolean.FALSE.equals(swapped)) {
                lostSwaps.increment();
            }
        });
        return result;
    }

    @Override
    public RedisFuture<byte[]> get(K key) {
        sent("GET", key);
        return redis.get(key);
    }

    @Override
    public RedisFuture<?> delete(K key) {
        sent("DEL", key);
        return redis.del(key);
    }

    private void sent(String command, K key) {
        commands.increment();
        listener.accept(command, key);
    }

    /** Commands sent so far. */
    long commands() {
        return commands.sum();
    }

    /** Compare-and-swaps that found the bucket changed since it was read, so far. */
    long lostSwaps() {
        return lostSwaps.sum();
    }
}
