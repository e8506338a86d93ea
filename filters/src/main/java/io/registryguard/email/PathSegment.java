package io.registryguard.email;

import java.nio.charset.StandardCharsets;

/**
 * Strict percent-encoding of one path segment: everything but RFC 3986 unreserved characters is encoded,
 * so a username cannot add segments ({@code /}), a query ({@code ?}), matrix parameters ({@code ;}) or a
 * pre-encoded sequence ({@code %2F} arrives as {@code %252F}).
 */
final class PathSegment {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegment() {
    }

    static String encode(String segment) {
        StringBuilder out = new StringBuilder(segment.length() + 8);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0F]);
            }
        }
        return out.toString();
    }

    /** "." and ".." are dot segments even when encoded: servers normalize them away. */
    static boolean isDotSegment(String segment) {
        return segment.equals(".") || segment.equals("..");
    }
}
