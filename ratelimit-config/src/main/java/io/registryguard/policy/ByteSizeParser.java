package io.registryguard.policy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads body size caps: {@code 64KiB}, {@code 1MiB} or a plain number of bytes, within a range. */
final class ByteSizeParser {

    static final int KIB = 1024;
    static final int MIB = 1024 * KIB;

    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})(KiB|MiB)?");

    private ByteSizeParser() {
    }

    /** @throws IllegalArgumentException naming the text and what was expected */
    static int parse(String text, int min, int max) {
        Matcher m = text == null ? null : SIZE.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size; expected a size like 64KiB, 1MiB"
                    + " or a number of bytes, between " + format(min) + " and " + format(max));
        }
        long unit = m.group(2) == null ? 1 : m.group(2).equals("KiB") ? KIB : MIB;
        long bytes = Long.parseLong(m.group(1)) * unit;
        if (bytes < min || bytes > max) {
            throw new IllegalArgumentException("'" + text + "' is out of range; expected between "
                    + format(min) + " and " + format(max));
        }
        return (int) bytes;
    }

    static String format(int bytes) {
        if (bytes % MIB == 0) {
            return bytes / MIB + "MiB";
        }
        return bytes % KIB == 0 ? bytes / KIB + "KiB" : bytes + " bytes";
    }
}
