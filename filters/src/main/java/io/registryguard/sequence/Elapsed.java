package io.registryguard.sequence;

import java.time.Duration;

/**
 * Durations in reasons, in the policy's units: {@code 10s}, {@code 2m40s}, {@code 24h}, {@code 6d23h}. Days only from
 * two days up, so that the default 24h window reads as the policy file writes it.
 */
final class Elapsed {

    private Elapsed() {
    }

    static String format(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds <= 0) {
            return duration.isZero() || duration.isNegative() ? "0s" : duration.toMillis() + "ms";
        }
        StringBuilder text = new StringBuilder();
        long days = seconds >= 2 * 86_400 ? seconds / 86_400 : 0;
        append(text, days, "d");
        append(text, (seconds - days * 86_400) / 3_600, "h");
        append(text, seconds % 3_600 / 60, "m");
        append(text, seconds % 60, "s");
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }
}
