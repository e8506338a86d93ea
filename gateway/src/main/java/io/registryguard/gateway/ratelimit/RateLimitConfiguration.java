package io.registryguard.gateway.ratelimit;

import java.time.Clock;
import java.util.Base64;

import io.micrometer.core.instrument.MeterRegistry;
import io.registryguard.gateway.GuardProperties;
import io.registryguard.gateway.policy.ActivePolicy;
import io.registryguard.login.DeviceCookies;
import io.registryguard.login.LoginGuardFilter;
import io.registryguard.ratelimit.RateLimitRedis;
import io.registryguard.ratelimit.RateLimiter;
import io.registryguard.ratelimit.RateLimiterBuilder;
import io.registryguard.ratelimit.StoreState;
import io.registryguard.session.SessionWithholding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Rate limits on Redis when {@code SPRING_DATA_REDIS_URL} is set (buckets shared by every replica), in memory
 * otherwise; the login guard that applies them; policy edits reach live buckets through the reload listener.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean(destroyMethod = "close")
    RedisConnectionHolder limitRedis(Environment environment) {
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
            return new RedisConnectionHolder(null);
        }
        try {
            RateLimitRedis redis = RateLimitRedis.connect(url);
            log.info("Rate limits on Redis at {}", RedisConnectionHolder.redact(url));
            return new RedisConnectionHolder(redis);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Redis at " + RedisConnectionHolder.redact(url) + " cannot be reached ("
                    + e.getMessage() + "). Start it, or unset SPRING_DATA_REDIS_URL to run one node in memory.", e);
        }
    }

    @Bean
    MicrometerRateLimitMetrics rateLimitMetrics(MeterRegistry meters, RedisConnectionHolder redis) {
        return new MicrometerRateLimitMetrics(meters, redis.redis() == null ? StoreState.IN_MEMORY : StoreState.REDIS);
    }

    @Bean
    RateLimiter rateLimiter(ActivePolicy policy, RedisConnectionHolder redis, MicrometerRateLimitMetrics metrics) {
        RateLimiterBuilder builder = RateLimiter.builder(policy.get()).metrics(metrics);
        if (redis.redis() != null) {
            builder.redis(redis.redis().connection());
        }
        RateLimiter limiter = builder.build();
        policy.onChange(limiter::apply);
        return limiter;
    }

    @Bean
    DeviceCookies deviceCookies(GuardProperties properties, Clock clock, ObjectProvider<RedisConnectionHolder> redis) {
        GuardProperties.DeviceCookie settings = properties.deviceCookie();
        byte[] key;
        if (settings.key() == null || settings.key().isBlank()) {
            key = DeviceCookies.randomKey();
            log.warn("guard.device-cookie.key (GUARD_DEVICE_COOKIE_KEY) is not set: device cookies are signed with a"
                    + " per-process key, so they stop working on restart and differ between replicas.");
        } else {
            try {
                key = Base64.getDecoder().decode(settings.key().strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("GUARD_DEVICE_COOKIE_KEY is not base64 (expected 32 random bytes,"
                        + " e.g. from `openssl rand -base64 32`)");
            }
        }
        return new DeviceCookies(key, settings.maxAge(), clock);
    }

    @Bean
    LoginGuardFilter loginGuardFilter(ActivePolicy policy, RateLimiter limiter, DeviceCookies devices,
            SessionWithholding withholding, MicrometerRateLimitMetrics metrics) {
        return new LoginGuardFilter(policy, limiter, devices, withholding, metrics);
    }

    @Bean
    LimitStoreHealthIndicator limitStoreHealthIndicator(RateLimiter limiter) {
        return new LimitStoreHealthIndicator(limiter);
    }
}
