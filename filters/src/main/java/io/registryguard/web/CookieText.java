package io.registryguard.web;

/** The two forgiving steps every lenient cookie reader takes: trimming and unquoting. */
final class CookieText {

    private CookieText() {
    }

    /**
     * Without leading and trailing whitespace as the most forgiving reader counts it: every control character and
     * space, NEL and NO-BREAK SPACE (Python's {@code str.strip}), the BOM and Unicode spaces (JavaScript's
     * {@code trim}). Trimming more than a registry does can only make the guard see a cookie the registry ignores.
     */
    static String trim(String text) {
        return trim(text, 0, text.length());
    }

    static String trim(String text, int from, int to) {
        while (from < to && isSpace(text.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to);
    }

    /** Without one pair of surrounding double quotes (RFC 6265 allows them; every reader takes them off). */
    static String unquote(String text) {
        return text.length() >= 2 && text.charAt(0) == '"' && text.charAt(text.length() - 1) == '"'
                ? text.substring(1, text.length() - 1) : text;
    }

    private static boolean isSpace(char c) {
        return c <= 0x20 || c == 0x7F || c == 0x85 || c == 0xA0 || c == 0xFEFF || Character.isWhitespace(c)
                || Character.isSpaceChar(c);
    }
}
