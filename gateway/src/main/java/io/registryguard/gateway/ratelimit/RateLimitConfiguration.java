package io.registryguard.gateway.ratelimit;

import java.time.Clock;
import java.util.Base64;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;
import io.registryguard.audit.Auditor;
import io.registryguard.gateway.GuardProperties;
import io.registryguard.gateway.redis.GuardRedis;
import io.registryguard.gateway.policy.ActivePolicy;
import io.registryguard.login.DeviceCookies;
import io.registryguard.login.IdentityConfirmation;
import io.registryguard.login.LoginGuardFilter;
import io.registryguard.login.NovelLogins;
import io.registryguard.ratelimit.RateLimiter;
import io.registryguard.ratelimit.RateLimiterBuilder;
import io.registryguard.ratelimit.StoreState;
import io.registryguard.risk.LoginRisk;
import io.registryguard.session.SessionWithholding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rate limits on Redis when {@code SPRING_DATA_REDIS_URL} is set (buckets shared by every replica), in memory
 * otherwise; the login guard that applies them; policy edits reach live buckets through the reload listener.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    MicrometerRateLimitMetrics rateLimitMetrics(MeterRegistry meters, GuardRedis redis) {
        return new MicrometerRateLimitMetrics(meters, redis.redis() == null ? StoreState.IN_MEMORY : StoreState.REDIS);
    }

    @Bean
    RateLimiter rateLimiter(ActivePolicy policy, GuardRedis redis, MicrometerRateLimitMetrics metrics, Clock clock) {
        RateLimiterBuilder builder = RateLimiter.builder(policy.get()).metrics(metrics).timeMeter(timeMeter(clock));
        if (redis.redis() != null) {
            builder.redis(redis.redis().connection());
        }
        RateLimiter limiter = builder.build();
        policy.onChange(limiter::apply);
        return limiter;
    }

    /** The buckets read the application's one clock, so a test or the attack simulator can move time. */
    private static TimeMeter timeMeter(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    @Bean
    DeviceCookies deviceCookies(GuardProperties properties, Clock clock) {
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
            SessionWithholding withholding, MicrometerRateLimitMetrics metrics, Auditor audit, LoginRisk risk,
            NovelLogins novelLogins, IdentityConfirmation identity, Clock clock) {
        return new LoginGuardFilter(policy, limiter, devices, withholding, metrics, audit, risk, novelLogins, identity,
                clock);
    }

    @Bean
    LimitStoreHealthIndicator limitStoreHealthIndicator(RateLimiter limiter) {
        return new LimitStoreHealthIndicator(limiter);
    }
}
