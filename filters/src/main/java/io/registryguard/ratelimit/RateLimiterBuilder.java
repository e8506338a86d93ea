package io.registryguard.ratelimit;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.bucket4j.TimeMeter;
import io.lettuce.core.api.StatefulRedisConnection;
import io.registryguard.policy.Policy;

/** Configures a {@link RateLimiter}; every setting has a default fit for production. */
public final class RateLimiterBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

    private final Policy policy;
    private StatefulRedisConnection<byte[], byte[]> redis;
    private RateLimitMetrics metrics = RateLimitMetrics.NOOP;
    private TimeMeter time = TimeMeter.SYSTEM_MILLISECONDS;
    private int breakerFailures = 3;
    private Duration breakerOpenFor = Duration.ofSeconds(1);
    private Duration requestTimeout = Duration.ofMillis(500);
    private int maxRetries = 16;
    private int localMaxBuckets = LocalBucketStore.DEFAULT_MAX_BUCKETS;
    private String keyPrefix = "rg:rl:";
    private boolean batching = true;
    private BiConsumer<String, Object> commandListener = LettuceRedisApi.NO_LISTENER;

    RateLimiterBuilder(Policy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Keeps buckets in Redis, shared by every instance using the same Redis and key prefix. The connection needs short
     * timeouts and must reject commands while disconnected, as {@link RateLimitRedis} sets it up.
     */
    public RateLimiterBuilder redis(StatefulRedisConnection<byte[], byte[]> connection) {
        this.redis = Objects.requireNonNull(connection, "connection");
        return this;
    }

    public RateLimiterBuilder metrics(RateLimitMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        return this;
    }

    /** The clock of buckets, breaker and known blocks; wall-clock based (Bucket4j needs it with Redis). */
    public RateLimiterBuilder timeMeter(TimeMeter time) {
        this.time = Objects.requireNonNull(time, "time");
        return this;
    }

    /** Open after {@code failures} store failures in a row (default 3), for {@code openFor} (default 1 s) per probe. */
    public RateLimiterBuilder circuitBreaker(int failures, Duration openFor) {
        this.breakerFailures = failures;
        this.breakerOpenFor = Objects.requireNonNull(openFor, "openFor");
        return this;
    }

    /** The most one bucket operation, retries included, may take (default 500 ms). */
    public RateLimiterBuilder requestTimeout(Duration requestTimeout) {
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        return this;
    }

    /** The most buckets kept in memory, in memory mode and as Redis fallback each (default 100,000, about 50 MB). */
    public RateLimiterBuilder localMaxBuckets(int localMaxBuckets) {
        this.localMaxBuckets = localMaxBuckets;
        return this;
    }

    /** Starts every Redis key (default {@code rg:rl:}). */
    public RateLimiterBuilder keyPrefix(String keyPrefix) {
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        return this;
    }

    /** Off only to measure what batching the updates of each Redis key saves. */
    RateLimiterBuilder batching(boolean batching) {
        this.batching = batching;
        return this;
    }

    /** Told of every Redis command as it is sent (the benchmark counts round trips with it). */
    RateLimiterBuilder commandListener(BiConsumer<String, Object> commandListener) {
        this.commandListener = Objects.requireNonNull(commandListener, "commandListener");
        return this;
    }

    public RateLimiter build() {
        LocalBucketStore local = new LocalBucketStore(localMaxBuckets, time, metrics);
        if (redis == null) {
            return new RateLimiter(policy, new FailoverStore(null, local, null, metrics), null, null, metrics, time,
                    keyPrefix);
        }
        CircuitBreaker breaker = new CircuitBreaker(breakerFailures, breakerOpenFor, time, new BreakerLog(metrics));
        LettuceRedisApi<byte[]> api = new LettuceRedisApi<>(redis.async(), commandListener);
        RedisBucketStore shared = new RedisBucketStore(api, time, requestTimeout, maxRetries, batching);
        return new RateLimiter(policy, new FailoverStore(shared, local, breaker, metrics), breaker, api, metrics,
                time, keyPrefix);
    }

    static StoreState storeState(CircuitBreaker.State state) {
        return switch (state) {
            case CLOSED -> StoreState.REDIS;
            case OPEN -> StoreState.REDIS_UNAVAILABLE;
            case HALF_OPEN -> StoreState.REDIS_PROBING;
        };
    }

    /** WARN once when Redis is given up on, INFO when it is back; probes in between only reach the metrics. */
    private static final class BreakerLog implements java.util.function.Consumer<CircuitBreaker.State> {

        private final RateLimitMetrics metrics;
        private boolean down;

        BreakerLog(RateLimitMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public synchronized void accept(CircuitBreaker.State state) {
            metrics.storeStateChanged(storeState(state));
            if (state == CircuitBreaker.State.OPEN && !down) {
                down = true;
                LOG.warn("Redis does not answer: rate limits now follow each limit's on-store-failure mode (local"
                        + " buckets, open or closed) until it does");
            } else if (state == CircuitBreaker.State.CLOSED && down) {
                down = false;
                LOG.info("Redis answers again: rate limits are shared across instances again");
            }
        }
    }
}
