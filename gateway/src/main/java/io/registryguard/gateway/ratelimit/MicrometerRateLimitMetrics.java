package io.registryguard.gateway.ratelimit;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.registryguard.login.LoginMetrics;
import io.registryguard.policy.OutcomeRule;
import io.registryguard.policy.RouteClass;
import io.registryguard.ratelimit.RateLimitMetrics;
import io.registryguard.ratelimit.StoreState;

/**
 * The limiter's and the login guard's events as Prometheus series: {@code guard_ratelimit_decisions_total{limit,outcome}},
 * {@code guard_ratelimit_fallback_total{limit}}, {@code guard_redis_store_errors_total{error}},
 * {@code guard_ratelimit_breaker_state} (0 in memory, 1 Redis, 2 Redis unavailable, 3 probing),
 * {@code guard_login_attempts_total{class,outcome}} (success, failure, refused).
 */
final class MicrometerRateLimitMetrics implements RateLimitMetrics, LoginMetrics {

    private final MeterRegistry meters;
    private final AtomicInteger storeState = new AtomicInteger();

    MicrometerRateLimitMetrics(MeterRegistry meters, StoreState initial) {
        this.meters = meters;
        storeState.set(initial.ordinal());
        Gauge.builder("guard.ratelimit.breaker.state", storeState, AtomicInteger::get)
                .description("Limit store: 0 in memory, 1 Redis, 2 Redis unavailable (fallback), 3 probing Redis")
                .register(meters);
        // Present from the start, so dashboards and alerts see zeros rather than nothing.
        for (RateLimitMetrics.StoreError error : RateLimitMetrics.StoreError.values()) {
            storeErrors(error);
        }
    }

    @Override
    public void decision(String limit, Outcome outcome) {
        Counter.builder("guard.ratelimit.decisions").tag("limit", limit).tag("outcome", outcome.tag())
                .description("Rate-limit answers per limit").register(meters).increment();
    }

    @Override
    public void fallback(String limit) {
        Counter.builder("guard.ratelimit.fallback").tag("limit", limit)
                .description("Checks answered by local buckets while Redis was unavailable").register(meters).increment();
    }

    @Override
    public void storeError(StoreError error) {
        storeErrors(error).increment();
    }

    private Counter storeErrors(StoreError error) {
        return Counter.builder("guard.redis.store.errors").tag("error", error.tag())
                .description("Redis errors seen by the rate limiter").register(meters);
    }

    @Override
    public void storeStateChanged(StoreState state) {
        storeState.set(state.ordinal());
    }

    @Override
    public void localEvictions(int count) {
        Counter.builder("guard.ratelimit.local.evictions").description("In-memory buckets dropped to bound memory")
                .register(meters).increment(count);
    }

    @Override
    public void judged(RouteClass routeClass, OutcomeRule.Outcome outcome) {
        attempts(routeClass, outcome.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public void refused(RouteClass routeClass, String limit) {
        attempts(routeClass, "refused");
    }

    private void attempts(RouteClass routeClass, String outcome) {
        Counter.builder("guard.login.attempts").tag("class", routeClass.id()).tag("outcome", outcome)
                .description("Login, upload-credential and second-factor attempts by outcome").register(meters)
                .increment();
    }
}
