package io.registryguard.email;

import java.time.Duration;
import java.util.Objects;

/**
 * How one-time email codes behave. Immutable and checked on construction.
 *
 * @param digits   length of a code, 6 to 8; 8 by default (10^8 guesses against 5 tries)
 * @param ttl      how long a code is valid, at most one hour; 10 minutes by default
 * @param maxTries how many checks a code survives before it is burned, 1 to 10; 5 by default
 */
public record EmailCodeSettings(int digits, Duration ttl, int maxTries) {

    public static final int DEFAULT_DIGITS = 8;
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);
    public static final int DEFAULT_MAX_TRIES = 5;

    public EmailCodeSettings {
        Objects.requireNonNull(ttl, "ttl");
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("digits must be 6 to 8, was " + digits);
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("ttl must be more than 0 and at most 1h, was " + ttl);
        }
        if (maxTries < 1 || maxTries > 10) {
            throw new IllegalArgumentException("maxTries must be 1 to 10, was " + maxTries);
        }
    }

    /** 8 digits, 10 minutes, 5 tries. */
    public static EmailCodeSettings defaults() {
        return new EmailCodeSettings(DEFAULT_DIGITS, DEFAULT_TTL, DEFAULT_MAX_TRIES);
    }
}
