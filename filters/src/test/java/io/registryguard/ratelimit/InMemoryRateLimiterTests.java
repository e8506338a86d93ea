package io.registryguard.ratelimit;

import static io.registryguard.ratelimit.TestLimits.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.registryguard.policy.Policy;

/** The limits with every bucket in memory: the demo and single-node installs. */
class InMemoryRateLimiterTests extends RateLimiterBehaviourTests {

    @Override
    protected RateLimiter limiter(Policy policy) {
        return RateLimiter.builder(policy).timeMeter(time).metrics(metrics).build();
    }

    @Test
    void storeStateWhenNoRedisThenInMemory() {
        assertThat(limiter(WAREHOUSE).storeState()).isEqualTo(StoreState.IN_MEMORY);
    }
}
