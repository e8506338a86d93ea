package io.registryguard.ratelimit;

import static io.registryguard.ratelimit.TestLimits.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.BucketExceptions;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.registryguard.policy.RouteClass;
import io.registryguard.ratelimit.RateLimitDecision.Refused;
import io.registryguard.ratelimit.RateLimitMetrics.StoreError;

/** The small public types, and how store errors are told apart. */
class RateLimitDecisionTests {

    @Test
    void retryAfterSecondsWhenFractionThenRoundedUp() {
        assertThat(new Refused("l", Duration.ofMillis(29_001), Refused.Reason.EXHAUSTED).retryAfterSeconds()).isEqualTo(30);
        assertThat(new Refused("l", Duration.ofSeconds(30), Refused.Reason.EXHAUSTED).retryAfterSeconds()).isEqualTo(30);
        assertThat(new Refused("l", Duration.ofNanos(1), Refused.Reason.EXHAUSTED).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void refusedWhenRetryAfterZeroThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Refused("l", Duration.ZERO, Refused.Reason.EXHAUSTED))
                .withMessage("retryAfter must be positive, was PT0S");
    }

    @Test
    void requestToStringWhenDeviceThenOnlyItsPresenceShows() {
        String text = RateLimitRequest.of(RouteClass.LOGIN, ip("203.0.113.1"), "alice").withDevice("d-secret-id")
                .toString();
        assertThat(text).contains("alice", "203.0.113.1", "device=present").doesNotContain("d-secret-id");
    }

    @Test
    void classifyWhenWrappedTimeoutThenTimeout() {
        assertThat(FailoverStore.classify(new CompletionException(new RedisCommandTimeoutException("slow"))))
                .isEqualTo(StoreError.TIMEOUT);
        assertThat(FailoverStore.classify(new java.util.concurrent.TimeoutException())).isEqualTo(StoreError.TIMEOUT);
    }

    @Test
    void classifyWhenDisconnectedThenUnavailable() {
        assertThat(FailoverStore.classify(new CompletionException(
                new RedisException("Currently not connected. Commands are rejected.")))).isEqualTo(StoreError.UNAVAILABLE);
    }

    @Test
    void classifyWhenCompareAndSwapRetriesExhaustedThenContention() {
        assertThat(FailoverStore.classify(new CompletionException(BucketExceptions.maxRetriesExceeded(16))))
                .isEqualTo(StoreError.CONTENTION);
        assertThat(FailoverStore.classify(new IllegalStateException("bug"))).isEqualTo(StoreError.OTHER);
    }
}
