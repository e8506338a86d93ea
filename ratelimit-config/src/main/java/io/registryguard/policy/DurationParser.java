package io.registryguard.policy;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the policy's short durations: a positive whole number and one unit, {@code 30s}, {@code 5m}, {@code 24h}, {@code 7d}. */
final class DurationParser {

    static final String EXPECTED = "a duration like 30s, 5m, 24h or 7d (units s, m, h, d)";

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhd])");

    private DurationParser() {
    }

    /** @throws IllegalArgumentException naming the text and what was expected */
    static Duration parse(String text) {
        Matcher m = text == null ? null : DURATION.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; expected " + EXPECTED);
        }
        long amount = Long.parseLong(m.group(1));
        if (amount == 0) {
            throw new IllegalArgumentException("'" + text + "' is zero; expected a positive duration");
        }
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** As {@link #parse}, but {@code 0s} (or any zero) is allowed: "for this very action" in step-up rules. */
    static Duration parseAllowingZero(String text) {
        Matcher m = text == null ? null : DURATION.matcher(text.strip());
        if (m != null && m.matches() && Long.parseLong(m.group(1)) == 0) {
            return Duration.ZERO;
        }
        return parse(text);
    }

    /** The shortest text {@link #parse} reads back to the same duration, e.g. {@code 5m} rather than {@code 300s}. */
    static String format(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
