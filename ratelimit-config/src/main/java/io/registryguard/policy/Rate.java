package io.registryguard.policy;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A limit's bandwidth: at most {@code count} events per {@code period}, written {@code 5 per 5m} in the policy.
 *
 * @param count  events allowed in one period, positive
 * @param period the period, positive
 */
public record Rate(long count, Duration period) {

    static final String EXPECTED = "'<count> per <duration>' like '5 per 5m' (units s, m, h, d)";

    private static final Pattern RATE = Pattern.compile("(\\d{1,12})\\s+per\\s+(\\S+)");

    public Rate {
        Objects.requireNonNull(period, "period");
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive, was " + count);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
    }

    /**
     * Reads {@code "<count> per <duration>"}, e.g. {@code 10 per 5m}.
     *
     * @throws IllegalArgumentException naming the text and what was expected
     */
    public static Rate parse(String text) {
        Matcher m = text == null ? null : RATE.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a rate; expected " + EXPECTED);
        }
        long count = Long.parseLong(m.group(1));
        if (count == 0) {
            throw new IllegalArgumentException("'" + text + "' allows nothing; expected a positive count in " + EXPECTED);
        }
        Duration period;
        try {
            period = DurationParser.parse(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a rate; expected " + EXPECTED, e);
        }
        return new Rate(count, period);
    }

    /** The policy's own notation, so logs and errors read like the file. */
    @Override
    public String toString() {
        return count + " per " + DurationParser.format(period);
    }
}
