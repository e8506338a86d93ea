package io.registryguard.gateway.redis;

import io.registryguard.ratelimit.RateLimitRedis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** One Redis connection for the whole gateway, or none (in memory). */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

    @Bean(destroyMethod = "close")
    GuardRedis guardRedis(Environment environment) {
        if (environment.containsProperty("spring.data.redis.cluster.nodes")
                || environment.containsProperty("spring.data.redis.sentinel.master")) {
            throw new IllegalStateException("Redis Cluster and Sentinel are not supported by the rate limiter yet;"
                    + " set SPRING_DATA_REDIS_URL to a single Redis endpoint (a Sentinel-managed primary's service"
                    + " address works)");
        }
        String url = environment.getProperty("spring.data.redis.url");
        if (url == null || url.isBlank()) {
            log.warn("SPRING_DATA_REDIS_URL is not set: rate limits, sessions and factors live in this instance's"
                    + " memory. Fine for one node; replicas need a shared Redis.");
            return new GuardRedis(null);
        }
        try {
            RateLimitRedis redis = RateLimitRedis.connect(url);
            log.info("Rate limits on Redis at {}", GuardRedis.redact(url));
            return new GuardRedis(redis);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Redis at " + GuardRedis.redact(url) + " cannot be reached ("
                    + e.getMessage() + "). Start it, or unset SPRING_DATA_REDIS_URL to run one node in memory.", e);
        }
    }

}
