package io.registryguard.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteAsyncBucketBuilder;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.RedisApi;

/**
 * Buckets in Redis through Bucket4j's compare-and-swap proxy: each operation is a GET of the bucket's state, the
 * change computed here, and an EVAL that writes it only if the state is still what was read (else it retries).
 *
 * <p>Concurrent compare-and-swaps on one key mostly fail and retry: the global bucket is one hot key that every
 * attempt updates, and a flood at one address or username makes another. So proxies are kept per key and batched
 * ({@code Optimizations.batching()}): while one update of a key is in flight, this instance queues the next ones
 * and sends them as one. Each instance then has at most one update of a key in flight, so retries are bounded by the
 * number of instances, and counts stay exact (no sharding, no local approximation). At most {@link #MAX_PROXIES}
 * proxies are kept; past that the map is cleared (a proxy holds no state but its queue, which it still serves).
 */
final class RedisBucketStore implements BucketStore {

    /** How long a full bucket's key stays in Redis: a full bucket and an absent one behave the same. */
    static final Duration KEEP_FULL_BUCKETS = Duration.ofSeconds(10);
    static final int MAX_PROXIES = 10_000;

    private final AsyncProxyManager<byte[]> buckets;
    private final boolean batching;
    private final ConcurrentMap<String, Versioned> batched = new ConcurrentHashMap<>();

    private record Versioned(long version, AsyncBucketProxy proxy) {
    }

    /**
     * @param requestTimeout the most one operation (with its retries) may take
     * @param maxRetries     compare-and-swap attempts before an operation fails as contention
     * @param batching       batch the updates of each key (off only to measure what batching saves)
     */
    RedisBucketStore(RedisApi<byte[]> redis, TimeMeter time, Duration requestTimeout, int maxRetries,
            boolean batching) {
        this.buckets = new Bucket4jLettuce.LettuceBasedProxyManagerBuilder<>(redis)
                .clientClock(time)
                .requestTimeout(requestTimeout)
                .maxRetries(maxRetries)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL_BUCKETS))
                .build()
                .asAsync();
        this.batching = batching;
    }

    @Override
    public CompletableFuture<ConsumptionProbe> tryConsume(BucketRef bucket) {
        return proxy(bucket).tryConsumeAndReturnRemaining(1);
    }

    @Override
    public CompletableFuture<Void> refund(BucketRef bucket) {
        return proxy(bucket).addTokens(1);
    }

    @Override
    public CompletableFuture<Void> remove(BucketRef bucket) {
        batched.remove(bucket.key());
        return buckets.removeProxy(key(bucket));
    }

    private AsyncBucketProxy proxy(BucketRef bucket) {
        CompiledLimit limit = bucket.limit();
        if (!batching) {
            return builder(limit).build(key(bucket), limit.configuration());
        }
        Versioned kept = batched.get(bucket.key());
        if (kept != null && kept.version() == limit.version()) {
            return kept.proxy();
        }
        if (batched.size() >= MAX_PROXIES) {
            batched.clear();
        }
        return batched.compute(bucket.key(), (key, old) -> old != null && old.version() == limit.version() ? old
                : new Versioned(limit.version(), builder(limit).withOptimization(Optimizations.batching())
                        .build(key(bucket), limit.configuration()))).proxy();
    }

    private RemoteAsyncBucketBuilder<byte[]> builder(CompiledLimit limit) {
        return buckets.builder().withImplicitConfigurationReplacement(limit.version(), TokensInheritanceStrategy.ADDITIVE);
    }

    private static byte[] key(BucketRef bucket) {
        return bucket.key().getBytes(StandardCharsets.UTF_8);
    }
}
