package io.registryguard.ratelimit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

/**
 * A Lettuce connection set up for rate limiting: a command fails within {@code commandTimeout} (250 ms by default)
 * instead of Lettuce's 60 s, commands are rejected at once while disconnected rather than queued until they time
 * out, and reconnection is retried at most a second apart. With the limiter's circuit breaker, no attempt waits
 * long for a Redis that is gone. Owns its client and resources: {@link #close()} releases them.
 */
public final class RateLimitRedis implements AutoCloseable {

    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(250);

    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> connection;

    private RateLimitRedis(ClientResources resources, RedisClient client, StatefulRedisConnection<byte[], byte[]> connection) {
        this.resources = resources;
        this.client = client;
        this.connection = connection;
    }

    /** Connects to {@code redisUrl} ({@code redis://host:6379}, as in {@code SPRING_DATA_REDIS_URL}). */
    public static RateLimitRedis connect(String redisUrl) {
        return connect(RedisURI.create(redisUrl), DEFAULT_COMMAND_TIMEOUT);
    }

    /** @throws io.lettuce.core.RedisConnectionException when Redis cannot be reached now */
    public static RateLimitRedis connect(RedisURI uri, Duration commandTimeout) {
        Objects.requireNonNull(uri, "uri");
        ClientResources resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout.multipliedBy(4)).keepAlive(true).build())
                .build());
        try {
            return new RateLimitRedis(resources, client, client.connect(ByteArrayCodec.INSTANCE));
        } catch (RuntimeException e) {
            client.shutdown();
            resources.shutdown();
            throw e;
        }
    }

    /** For {@link RateLimiterBuilder#redis}. */
    public StatefulRedisConnection<byte[], byte[]> connection() {
        return connection;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
        resources.shutdown();
    }
}
