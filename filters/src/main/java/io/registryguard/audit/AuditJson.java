package io.registryguard.audit;

import java.util.List;
import java.util.Map;

/**
 * An event as one line of JSON, written by hand so it cannot fail and escapes more than a general-purpose mapper
 * does:
 *
 * <pre>{"time":"2024-03-01T08:42:33.120Z","type":"login.failure","account":"alice","ip":"203.0.113.9",
 * "userAgent":"pip/24.0","routeClass":"login","path":"/account/login/","decision":"denied",
 * "reasons":["registry-said-failure"],"details":{"status":"200"}}</pre>
 *
 * Every field is always present, absent values as {@code null}; details are sorted by key.
 */
final class AuditJson {

    private AuditJson() {
    }

    static String write(AuditEvent event) {
        StringBuilder sb = new StringBuilder(256).append('{');
        string(sb, "time", event.time().toString()).append(',');
        string(sb, "type", event.type()).append(',');
        string(sb, "account", event.account()).append(',');
        string(sb, "ip", event.ip()).append(',');
        string(sb, "userAgent", event.userAgent()).append(',');
        string(sb, "routeClass", event.routeClass() == null ? null : event.routeClass().id()).append(',');
        string(sb, "path", event.path()).append(',');
        string(sb, "decision", event.decision().id()).append(',');
        array(sb, "reasons", event.reasons()).append(',');
        object(sb, "details", event.details());
        return sb.append('}').toString();
    }

    private static StringBuilder string(StringBuilder sb, String name, String value) {
        sb.append('"').append(name).append("\":");
        return value == null ? sb.append("null") : quote(sb, value);
    }

    private static StringBuilder array(StringBuilder sb, String name, List<String> values) {
        sb.append('"').append(name).append("\":[");
        for (int i = 0; i < values.size(); i++) {
            quote(i == 0 ? sb : sb.append(','), values.get(i));
        }
        return sb.append(']');
    }

    private static StringBuilder object(StringBuilder sb, String name, Map<String, String> values) {
        sb.append('"').append(name).append("\":{");
        boolean first = true;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            quote(first ? sb : sb.append(','), entry.getKey()).append(':');
            quote(sb, entry.getValue());
            first = false;
        }
        return sb.append('}');
    }

    static StringBuilder quote(StringBuilder sb, String value) {
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (mustEscape(value, i, c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    /**
     * Control characters, the HTML-significant {@code < > & '}, line and paragraph separators, invisible formatting
     * (bidi overrides that make a log line read differently than it is), and half surrogate pairs.
     */
    private static boolean mustEscape(String value, int i, char c) {
        if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\'' || Character.isISOControl(c)) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
        }
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
