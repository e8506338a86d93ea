package io.registryguard.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How an event's values are made safe to keep. Values a client controls (account typed at login, user agent, path)
 * are clipped, never refused: a hostile value must not stop the event from being recorded. Values the code chooses
 * (type, detail keys, how many reasons) are refused when wrong, because that is a bug.
 */
final class AuditValues {

    static final int MAX_TYPE = 64;
    static final int MAX_ACCOUNT = 256;
    static final int MAX_IP = 64;
    static final int MAX_USER_AGENT = 512;
    static final int MAX_PATH = 1024;
    static final int MAX_REASONS = 16;
    static final int MAX_REASON = 200;
    static final int MAX_DETAILS = 16;
    static final int MAX_DETAIL_VALUE = 512;
    static final char CLIPPED = '\u2026';

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");
    private static final Pattern DETAIL_KEY = Pattern.compile("[a-z][a-zA-Z0-9_.-]{0,63}");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private AuditValues() {
    }

    static String type(String type) {
        if (type == null || type.length() > MAX_TYPE || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("type: expected dotted lower-case words such as login.failure"
                    + " (at most " + MAX_TYPE + " characters)");
        }
        return type;
    }

    /** Null for null or blank; otherwise at most {@code max} characters, the last being … when clipped. */
    static String text(String value, int max) {
        return value == null || value.isBlank() ? null : clip(value, max);
    }

    /** At most {@code max} characters, the last being … when clipped. */
    static String clip(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--; // never keep half a surrogate pair
        }
        return value.substring(0, end) + CLIPPED;
    }

    /** The path only: the query string (which may carry a token) and any fragment are dropped. */
    static String path(String path) {
        if (path == null) {
            return null;
        }
        int cut = path.length();
        int query = path.indexOf('?');
        int fragment = path.indexOf('#');
        if (query >= 0) {
            cut = query;
        }
        if (fragment >= 0 && fragment < cut) {
            cut = fragment;
        }
        return text(path.substring(0, cut), MAX_PATH);
    }

    /** An IP literal in the form the client-address resolver writes; anything else kept as clipped text. */
    static String ip(String ip) {
        String text = text(ip, MAX_IP);
        return text == null ? null : canonicalIp(text).orElse(text);
    }

    /**
     * An IPv4 or IPv6 literal as {@link InetAddress#getHostAddress()} writes it ({@code ::1} becomes
     * {@code 0:0:0:0:0:0:0:1}, {@code ::ffff:192.0.2.1} becomes {@code 192.0.2.1}); empty for anything else. Never
     * touches DNS: only digits, hex, colons and dots reach the parser, and IPv4 needs four decimal octets.
     */
    static Optional<String> canonicalIp(String text) {
        String s = text.strip();
        var v4 = IPV4.matcher(s);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                String octet = v4.group(i);
                if (Integer.parseInt(octet) > 255 || octet.length() > 1 && octet.charAt(0) == '0') {
                    return Optional.empty();
                }
            }
            return Optional.of(s);
        }
        if (s.indexOf(':') >= 0 && IPV6_CHARS.matcher(s).matches()) {
            try {
                return Optional.of(InetAddress.getByName(s).getHostAddress());
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static List<String> reasons(List<String> reasons) {
        if (reasons == null || reasons.isEmpty()) {
            return List.of();
        }
        if (reasons.size() > MAX_REASONS) {
            throw new IllegalArgumentException("reasons: at most " + MAX_REASONS + ", got " + reasons.size());
        }
        List<String> copy = new ArrayList<>(reasons.size());
        for (String reason : reasons) {
            if (reason == null) {
                throw new IllegalArgumentException("reasons: null entry");
            }
            copy.add(clip(reason, MAX_REASON));
        }
        return List.copyOf(copy);
    }

    /** A sorted, unmodifiable copy, so the JSON and the stream always list details in one order. */
    static Map<String, String> details(Map<String, String> details) {
        if (details == null || details.isEmpty()) {
            return Collections.emptySortedMap();
        }
        if (details.size() > MAX_DETAILS) {
            throw new IllegalArgumentException("details: at most " + MAX_DETAILS + ", got " + details.size());
        }
        TreeMap<String, String> copy = new TreeMap<>();
        details.forEach((key, value) -> {
            if (key == null || !DETAIL_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("details: keys are lower-camel or dotted words of at most 64"
                        + " characters");
            }
            if (value == null) {
                throw new IllegalArgumentException("details: null value for " + key);
            }
            copy.put(key, clip(value, MAX_DETAIL_VALUE));
        });
        return Collections.unmodifiableSortedMap(copy);
    }
}
