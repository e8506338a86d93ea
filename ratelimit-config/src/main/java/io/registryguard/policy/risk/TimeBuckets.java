package io.registryguard.policy.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A sliding window made of fixed buckets: the window ending at {@code now} is the bucket holding {@code now} and
 * the {@code count - 1} before it. Bucket indexes count {@code width}s since the epoch, so every replica agrees.
 */
public record TimeBuckets(Duration window, Duration width) {

    public TimeBuckets {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(width, "bucket");
        if (width.isNegative() || width.isZero()) {
            throw new IllegalArgumentException("bucket must be > 0, was " + width);
        }
        if (window.compareTo(width) < 0 || window.toMillis() % width.toMillis() != 0) {
            throw new IllegalArgumentException("window (" + window + ") must be a multiple of bucket (" + width + ")");
        }
        if (window.toMillis() / width.toMillis() > 1440) {
            throw new IllegalArgumentException("window (" + window + ") spans more than 1440 buckets of " + width);
        }
    }

    public int count() {
        return (int) (window.toMillis() / width.toMillis());
    }

    public long indexAt(Instant time) {
        return Math.floorDiv(time.toEpochMilli(), width.toMillis());
    }

    /** The oldest bucket index still inside the window ending at {@code time}. */
    public long oldestAt(Instant time) {
        return indexAt(time) - count() + 1;
    }

    /** How long a bucket must be kept: until its last instant has left the window. */
    public Duration retention() {
        return window.plus(width);
    }
}
