package io.registryguard.gateway.ratelimit;

import io.registryguard.ratelimit.RateLimiter;
import io.registryguard.ratelimit.StoreState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health} component {@code limitStore}: where the rate-limit buckets live right now. Redis being
 * unreachable does not make the gateway unhealthy (limits fall back per their {@code on-store-failure}), but it is
 * shown: status {@code DEGRADED} with the state, next to the metric and the WARN log.
 */
final class LimitStoreHealthIndicator implements HealthIndicator {

    private final RateLimiter limiter;

    LimitStoreHealthIndicator(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Health health() {
        StoreState state = limiter.storeState();
        Health.Builder builder = switch (state) {
            case IN_MEMORY, REDIS -> Health.up();
            case REDIS_UNAVAILABLE, REDIS_PROBING -> Health.status("DEGRADED");
        };
        return builder.withDetail("store", state.name()).build();
    }
}
