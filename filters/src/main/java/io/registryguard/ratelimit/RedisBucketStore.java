package io.registryguard.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

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
 * attempt updates, and a flood at one address or username makes another. So operations on a key are batched
 * ({@code Optimizations.batching()}): while one update of the key is in flight, this instance queues the next ones
 * and sends them as one. Each instance then has at most one update of a key in flight, so retries are bounded by the
 * number of instances, and counts stay exact (no sharding, no local approximation). A key's batching proxy is kept
 * only while it has operations in flight, so the map is as large as the concurrency, not as the key space.
 */
final class RedisBucketStore implements BucketStore {

    /** How long a full bucket's key stays in Redis: a full bucket and an absent one behave the same. */
    static final Duration KEEP_FULL_BUCKETS = Duration.ofSeconds(10);

    private final AsyncProxyManager<byte[]> buckets;
    private final boolean batching;
    private final ConcurrentMap<String, Batched> batched = new ConcurrentHashMap<>();

    /** A key's batching proxy and its operations in flight; both changed only inside the map's compute. */
    private static final class Batched {
        final long version;
        final AsyncBucketProxy proxy;
        int inFlight;

        Batched(long version, AsyncBucketProxy proxy) {
            this.version = version;
            this.proxy = proxy;
        }
    }

    /**
     * @param requestTimeout the most one operation (with its retries) may take
     * @param maxRetries     compare-and-swap attempts before an operation fails as contention
     * @param batching       batch the operations on each key (off only to measure what batching saves)
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
        return onProxy(bucket, proxy -> proxy.tryConsumeAndReturnRemaining(1));
    }

    @Override
    public CompletableFuture<Void> refund(BucketRef bucket) {
        return onProxy(bucket, proxy -> proxy.addTokens(1));
    }

    @Override
    public CompletableFuture<Void> remove(BucketRef bucket) {
        return buckets.removeProxy(key(bucket));
    }

    private <T> CompletableFuture<T> onProxy(BucketRef bucket, Function<AsyncBucketProxy, CompletableFuture<T>> operation) {
        CompiledLimit limit = bucket.limit();
        if (!batching) {
            return operation.apply(builder(limit).build(key(bucket), limit.configuration()));
        }
        Batched entry = batched.compute(bucket.key(), (key, kept) -> {
            Batched use = kept != null && kept.version == limit.version() ? kept
                    : new Batched(limit.version(), builder(limit).withOptimization(Optimizations.batching())
                            .build(key(bucket), limit.configuration()));
            use.inFlight++;
            return use;
        });
        CompletableFuture<T> result;
        try {
            result = operation.apply(entry.proxy);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.whenComplete((value, error) -> batched.compute(bucket.key(), (key, kept) -> {
            entry.inFlight--;
            return kept == entry && entry.inFlight == 0 ? null : kept;
        }));
    }

    private RemoteAsyncBucketBuilder<byte[]> builder(CompiledLimit limit) {
        return buckets.builder().withImplicitConfigurationReplacement(limit.version(), TokensInheritanceStrategy.ADDITIVE);
    }

    private static byte[] key(BucketRef bucket) {
        return bucket.key().getBytes(StandardCharsets.UTF_8);
    }

    /** Keys with operations in flight, for tests: the map must not outgrow the concurrency. */
    int batchedKeys() {
        return batched.size();
    }
}
