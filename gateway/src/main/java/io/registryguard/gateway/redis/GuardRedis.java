package io.registryguard.gateway.redis;

import io.registryguard.ratelimit.RateLimitRedis;

/**
 * The gateway's Redis connection ({@code SPRING_DATA_REDIS_URL}), shared by the rate limiter and the stores of
 * factors and codes; or none, and everything lives in this instance's memory. Closed with the context.
 */
public record GuardRedis(RateLimitRedis redis) implements AutoCloseable {

    /** The connection, or null without Redis. */
    public io.lettuce.core.api.StatefulRedisConnection<byte[], byte[]> connection() {
        return redis == null ? null : redis.connection();
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
    }

    /** The URL without its password, for logs and messages. */
    public static String redact(String url) {
        return url.replaceAll("//([^@/]*):[^@/]*@", "//$1:***@");
    }
}
