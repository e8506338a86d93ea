package io.registryguard.testsupport;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.registryguard.ratelimit.RateLimitRedis;

/**
 * One test's connection to the JVM's {@link RedisTestServer}. Closing it brings the server back if the test
 * stopped it (outage tests), then closes the connection, so the next test starts from a running Redis.
 */
public final class RedisSession implements AutoCloseable {

    private final RedisTestServer server;
    private final RateLimitRedis redis;

    private RedisSession(RedisTestServer server, RateLimitRedis redis) {
        this.server = server;
        this.redis = redis;
    }

    public static RedisSession open() {
        RedisTestServer server = RedisTestServer.get();
        return new RedisSession(server, RateLimitRedis.connect(server.url()));
    }

    public RedisTestServer server() {
        return server;
    }

    public StatefulRedisConnection<byte[], byte[]> connection() {
        return redis.connection();
    }

    /** Raw commands, for checking what a store wrote. */
    public RedisCommands<byte[], byte[]> sync() {
        return redis.connection().sync();
    }

    @Override
    public void close() {
        if (server.canRestart() && !server.isRunning()) {
            server.start();
        }
        redis.close();
    }
}
