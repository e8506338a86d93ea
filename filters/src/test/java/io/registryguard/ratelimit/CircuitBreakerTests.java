package io.registryguard.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.registryguard.ratelimit.CircuitBreaker.State;

class CircuitBreakerTests {

    private final ManualTime time = new ManualTime();
    private final List<State> transitions = new CopyOnWriteArrayList<>();
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(1), time, transitions::add);

    @Test
    void tryAcquireWhenFewerFailuresThanThresholdThenStillClosed() {
        breaker.onFailure();
        breaker.onFailure();

        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(transitions).isEmpty();
    }

    @Test
    void tryAcquireWhenThreeFailuresInARowThenOpenForASecond() {
        failTimes(3);

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.remainingOpen()).isEqualTo(Duration.ofSeconds(1));
        time.advance(Duration.ofMillis(999));
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(transitions).containsExactly(State.OPEN);
    }

    @Test
    void tryAcquireWhenSuccessBetweenFailuresThenCountStartsOver() {
        failTimes(2);
        breaker.onSuccess();
        failTimes(2);

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void tryAcquireWhenOpenDurationOverThenOneProbeOnly() {
        failTimes(3);
        time.advance(Duration.ofSeconds(1));

        assertThat(breaker.tryAcquire()).as("the probe").isTrue();
        assertThat(breaker.tryAcquire()).as("while the probe is out").isFalse();
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    }

    @Test
    void onSuccessWhenProbeAnsweredThenClosed() {
        failTimes(3);
        time.advance(Duration.ofSeconds(1));
        breaker.tryAcquire();

        breaker.onSuccess();

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(transitions).containsExactly(State.OPEN, State.HALF_OPEN, State.CLOSED);
    }

    @Test
    void onFailureWhenProbeFailsThenOpenAgainForAFullSecond() {
        failTimes(3);
        time.advance(Duration.ofSeconds(5));
        breaker.tryAcquire();

        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.remainingOpen()).isEqualTo(Duration.ofSeconds(1));
        assertThat(transitions).containsExactly(State.OPEN, State.HALF_OPEN, State.OPEN);
    }

    @Test
    void constructorWhenThresholdZeroThenRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CircuitBreaker(0, Duration.ofSeconds(1), time, s -> { }))
                .withMessage("failureThreshold must be at least 1, was 0");
    }

    private void failTimes(int times) {
        for (int i = 0; i < times; i++) {
            breaker.onFailure();
        }
    }
}
