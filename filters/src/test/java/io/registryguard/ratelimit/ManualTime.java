package io.registryguard.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;

/** A clock the test moves: buckets refill, breakers half-open and blocks expire only when told. */
final class ManualTime implements TimeMeter {

    /** 2025-01-01T00:00:00Z: wall-clock-like, as Bucket4j wants for Redis. */
    private final AtomicLong nanos = new AtomicLong(1_735_689_600_000L * 1_000_000L);

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
