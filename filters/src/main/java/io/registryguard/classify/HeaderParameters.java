package io.registryguard.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A header value like {@code form-data; name="confirm_password"} split the way the registry splits it
 * (Python's {@code cgi.parse_header}): a main value, then {@code ;}-separated parameters whose names are
 * compared ignoring case and whose values may be quoted, with {@code ;} allowed inside quotes.
 */
final class HeaderParameters {

    private final String value;
    private final List<String[]> parameters;

    private HeaderParameters(String value, List<String[]> parameters) {
        this.value = value;
        this.parameters = parameters;
    }

    static HeaderParameters parse(String header) {
        List<String> parts = splitOnUnquotedSemicolons(header);
        List<String[]> parameters = new ArrayList<>();
        for (String part : parts.subList(1, parts.size())) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            parameters.add(new String[] {name, unquote(part.substring(eq + 1).strip())});
        }
        return new HeaderParameters(parts.get(0), parameters);
    }

    /** The part before the first {@code ;}, trimmed, e.g. {@code multipart/form-data}. */
    String value() {
        return value;
    }

    /** Every value of the parameter (lower-case name), in order; a repeated parameter yields several. */
    List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (String[] p : parameters) {
            if (p[0].equals(name)) {
                values.add(p[1]);
            }
        }
        return values;
    }

    private static List<String> splitOnUnquotedSemicolons(String header) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '\\' && quoted && i + 1 < header.length()) {
                current.append(c).append(header.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                parts.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        parts.add(current.toString().strip());
        return parts;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
            return value.substring(1, value.length() - 1).replace("\\\\", "\\").replace("\\\"", "\"");
        }
        return value;
    }
}
