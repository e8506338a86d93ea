package io.registryguard.classify;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of request paths: a malformed escape is an error, and so are bytes that are not UTF-8.
 */
final class PercentDecoding {

    private PercentDecoding() {
    }

    /**
     * Decodes every {@code %XX}.
     *
     * @param escapesMustBeValid when true a {@code %} not followed by two hex digits is an error; when false it
     *                           stays literal (a path decoded once already may hold a literal percent sign)
     * @throws IllegalArgumentException with the reason, for a malformed escape or bytes that are not UTF-8
     */
    static String decodeStrictUtf8(String s, boolean escapesMustBeValid) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] bytes = toBytes(s, escapesMustBeValid);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("percent-decoding gives bytes that are not valid UTF-8");
        }
    }

    private static byte[] toBytes(String s, boolean escapesMustBeValid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c != '%') {
                int next = s.indexOf('%', i);
                int end = next < 0 ? n : next;
                out.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
                continue;
            }
            int hi = i + 2 < n ? hexValue(s.charAt(i + 1)) : -1;
            int lo = i + 2 < n ? hexValue(s.charAt(i + 2)) : -1;
            if (hi >= 0 && lo >= 0) {
                out.write(hi << 4 | lo);
                i += 3;
            } else if (escapesMustBeValid) {
                throw new IllegalArgumentException(i + 2 >= n
                        ? "truncated percent-encoding '" + s.substring(i) + "' at the end"
                        : "invalid percent-encoding '" + s.substring(i, i + 3) + "'");
            } else {
                out.write('%');
                i++;
            }
        }
        return out.toByteArray();
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
