package io.registryguard.ratelimit;

import static io.registryguard.ratelimit.TestLimits.limit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.bucket4j.ConsumptionProbe;
import io.registryguard.policy.Limit;
import io.registryguard.policy.Subnets;
import io.registryguard.testsupport.RedisTestServer;

/** The hot key: many concurrent updates of one bucket from one instance. */
class RedisBucketStoreIntegrationTests {

    private final ManualTime time = new ManualTime();
    private final BucketKeys keys = new BucketKeys("store:" + UUID.randomUUID() + ":", Subnets.DEFAULT);
    private final CompiledLimit global = CompiledLimit.of(limit("global", Limit.Key.GLOBAL, Limit.Counts.FAILURES,
            "login", "100 per 5m"), 1);
    private RateLimitRedis redis;
    private LettuceRedisApi<byte[]> api;

    @BeforeEach
    void connect() {
        redis = RateLimitRedis.connect(RedisTestServer.get().url());
        api = new LettuceRedisApi<>(redis.connection().async(), LettuceRedisApi.NO_LISTENER);
    }

    @AfterEach
    void disconnect() {
        redis.close();
    }

    private List<ConsumptionProbe> concurrently(RedisBucketStore store, int operations) {
        BucketRef bucket = keys.bucket(global, BucketKeys.GLOBAL_VALUE);
        List<CompletableFuture<ConsumptionProbe>> probes = IntStream.range(0, operations)
                .mapToObj(i -> store.tryConsume(bucket)).toList();
        return probes.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void tryConsumeWhenBatchedThenExactCountNoLostSwapsAndFewCommands() {
        RedisBucketStore store = new RedisBucketStore(api, time, Duration.ofSeconds(2), 16, true);

        List<ConsumptionProbe> probes = concurrently(store, 300);

        assertThat(probes.stream().filter(ConsumptionProbe::isConsumed).count()).isEqualTo(100);
        assertThat(api.lostSwaps()).isZero();
        assertThat(api.commands()).as("a few batches, not a GET and an EVAL per operation").isLessThan(60);
        assertThat(store.batchedKeys()).as("nothing in flight, nothing kept").isZero();
    }

    @Test
    void tryConsumeWhenNotBatchedThenSwapsAreLostToEachOther() {
        RedisBucketStore store = new RedisBucketStore(api, time, Duration.ofSeconds(2), 1_000, false);

        List<ConsumptionProbe> probes = concurrently(store, 50);

        assertThat(probes.stream().filter(ConsumptionProbe::isConsumed).count()).isEqualTo(50);
        assertThat(api.lostSwaps()).as("what batching saves").isGreaterThan(50);
    }
}
