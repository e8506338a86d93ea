package io.registryguard.risk;

import java.time.Instant;

import reactor.core.publisher.Mono;

/** Attempts and failures per source (an address, a subnet) over a sliding window. */
public interface AttemptCounts {

    Mono<Void> record(String source, Instant time, boolean failed);

    /** The window ending at {@code time}. */
    Mono<Counts> counts(String source, Instant time);

    record Counts(long attempts, long failures) {

        public static final Counts NONE = new Counts(0, 0);

        public double failureRatio() {
            return attempts == 0 ? 0 : (double) failures / attempts;
        }
    }
}
