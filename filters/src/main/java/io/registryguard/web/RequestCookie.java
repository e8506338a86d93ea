package io.registryguard.web;

import java.util.Objects;

/**
 * One cookie of a request's {@code Cookie} header as a lenient server reads it: name and value trimmed, the value's
 * surrounding double quotes taken off. A segment without {@code =} is a name with an empty value.
 *
 * <p>{@link #isNamed} matches every spelling some server honours as the same cookie, so the guard never misses one
 * the registry would act on: case (ASP.NET compares names case-insensitively; compared that way here to be safe),
 * percent-encoding (Rack 2 unescapes names), surrounding quotes and whitespace. Matching too much only makes the
 * guard refuse; matching too little would let a cookie past it.
 */
public record RequestCookie(String name, String value) {

    public RequestCookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** True when a lenient server could take this cookie for {@code cookieName}. */
    public boolean isNamed(String cookieName) {
        // equalsIgnoreCase folds per code point as toLowerCase(toUpperCase(c)): 'ſ' (U+017F) and the Kelvin sign
        // match 's' and 'k' as .NET's ordinal ignore-case does
        return plain(name).equalsIgnoreCase(plain(cookieName));
    }

    /** True when a lenient server could read this cookie's name as starting with {@code prefix}. */
    public boolean nameStartsWith(String prefix) {
        String plainName = plain(name);
        String plainPrefix = plain(prefix);
        return plainName.regionMatches(true, 0, plainPrefix, 0, plainPrefix.length());
    }

    /**
     * True when every server reads {@code name=value} exactly as written: the name an RFC 9110 token, the value RFC
     * 6265 cookie-octets without {@code [ ]} (WebOb ends a value there and scans on for another cookie). Only these
     * are forwarded, so no reader behind the guard can find a cookie inside one.
     */
    public boolean canonical() {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isTokenChar(name.charAt(i))) {
                return false;
            }
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isSafeValueChar(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code name=value}, as sent upstream. */
    public String serialize() {
        return name + "=" + value;
    }

    /** Never the value: it may be a session. */
    @Override
    public String toString() {
        return "RequestCookie[" + name + "]";
    }

    /**
     * The name as the most lenient server compares it: unquoted, percent-decoded, trimmed. Allocation-free for an
     * ordinary name (every step returns its input when it has nothing to do).
     */
    static String plain(String name) {
        return CookieText.trim(percentDecode(CookieText.unquote(CookieText.trim(name))));
    }

    private static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int high = i + 2 < text.length() ? hex(text.charAt(i + 1)) : -1;
            int low = high >= 0 ? hex(text.charAt(i + 2)) : -1;
            if (c == '%' && low >= 0) {
                out.append((char) (high * 16 + low));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static boolean isSafeValueChar(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A) || (c >= 0x3C && c <= 0x5A)
                || (c >= 0x5E && c <= 0x7E);
    }
}
