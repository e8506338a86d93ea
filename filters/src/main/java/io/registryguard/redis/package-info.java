/**
 * What the Redis stores share: {@link io.registryguard.redis.LuaScript}, a script run as one atomic step by
 * {@code EVALSHA} with {@code EVAL} on {@code NOSCRIPT}. The stores themselves live next to the interfaces
 * they implement ({@code mfa.RedisFactorStore}, {@code email.RedisEmailCodeStore},
 * {@code stepup.RedisJtiStore}) and share the Lettuce connection of
 * {@link io.registryguard.ratelimit.RateLimitRedis}, whose command timeout bounds every wait.
 */
package io.registryguard.redis;
