package io.registryguard.ratelimit;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import io.github.bucket4j.TimeMeter;

/**
 * Stops calling a store that keeps failing, so that no attempt waits out a timeout the previous ones already hit.
 * Closed: calls go through; {@code failureThreshold} failures in a row open it. Open: no calls for
 * {@code openDuration}; then the next call is let through as a probe (half-open). The probe's success closes it,
 * its failure opens it again. Recovery needs no operator.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openNanos;
    private final TimeMeter time;
    private final Consumer<State> onTransition;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAtNanos;

    /** @param onTransition told of every change of state, outside the breaker's lock */
    CircuitBreaker(int failureThreshold, Duration openDuration, TimeMeter time, Consumer<State> onTransition) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1, was " + failureThreshold);
        }
        if (openDuration.isNegative() || openDuration.isZero()) {
            throw new IllegalArgumentException("openDuration must be positive, was " + openDuration);
        }
        this.failureThreshold = failureThreshold;
        this.openNanos = openDuration.toNanos();
        this.time = Objects.requireNonNull(time, "time");
        this.onTransition = Objects.requireNonNull(onTransition, "onTransition");
    }

    /** True when the caller may call the store now; when it does, it must report the result. */
    boolean tryAcquire() {
        synchronized (this) {
            if (state == State.CLOSED) {
                return true;
            }
            if (state == State.HALF_OPEN || time.currentTimeNanos() - openedAtNanos < openNanos) {
                return false;
            }
            state = State.HALF_OPEN;
        }
        onTransition.accept(State.HALF_OPEN);
        return true;
    }

    void onSuccess() {
        synchronized (this) {
            consecutiveFailures = 0;
            if (state != State.HALF_OPEN) {
                return;
            }
            state = State.CLOSED;
        }
        onTransition.accept(State.CLOSED);
    }

    void onFailure() {
        synchronized (this) {
            consecutiveFailures++;
            boolean trips = state == State.HALF_OPEN || state == State.CLOSED && consecutiveFailures >= failureThreshold;
            if (!trips) {
                return;
            }
            state = State.OPEN;
            openedAtNanos = time.currentTimeNanos();
        }
        onTransition.accept(State.OPEN);
    }

    synchronized State state() {
        return state;
    }

    /** How long the breaker stays open from now; zero when it is not open. */
    synchronized Duration remainingOpen() {
        if (state != State.OPEN) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(0, openNanos - (time.currentTimeNanos() - openedAtNanos)));
    }
}
