package io.registryguard.gateway.ratelimit;

import io.registryguard.ratelimit.RateLimitRedis;

/** The limiter's Redis connection, or none (in memory); closed with the context. */
record RedisConnectionHolder(RateLimitRedis redis) implements AutoCloseable {

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
    }

    /** The URL without its password, for logs and messages. */
    static String redact(String url) {
        return url.replaceAll("//([^@/]*):[^@/]*@", "//$1:***@");
    }
}
