package io.registryguard.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A request's cookies read the way the most lenient server reads them, so the guard sees every cookie the registry
 * could act on (Netty's strict decoder drops {@code session_id =v}, which WebOb, Express and Jetty trim and honour).
 *
 * <p>Every {@code Cookie} header is split on {@code ;} and on {@code ,} (Rack 2 and RFC 2965 readers such as
 * Jetty's legacy mode separate cookies with commas; a reader that does not would see a comma inside a value, which
 * no canonical cookie has). Names and values are trimmed, values unquoted; a segment without {@code =} is a name
 * with an empty value; empty segments are skipped. Order and duplicates are kept.
 *
 * <p>What goes upstream is {@link #header()}: only {@linkplain RequestCookie#canonical() canonical} cookies as
 * {@code name=value; name=value}, so the registry can only read what the guard read.
 */
public final class RequestCookieJar {

    public static final RequestCookieJar EMPTY = new RequestCookieJar(List.of());

    private final List<RequestCookie> cookies;

    private RequestCookieJar(List<RequestCookie> cookies) {
        this.cookies = cookies;
    }

    /** Reads every value of the {@code Cookie} header, in order. */
    public static RequestCookieJar read(List<String> cookieHeaders) {
        if (cookieHeaders == null || cookieHeaders.isEmpty()) {
            return EMPTY;
        }
        List<RequestCookie> cookies = new ArrayList<>();
        for (String header : cookieHeaders) {
            int start = 0;
            for (int i = 0; i <= header.length(); i++) {
                if (i == header.length() || header.charAt(i) == ';' || header.charAt(i) == ',') {
                    addSegment(cookies, header, start, i);
                    start = i + 1;
                }
            }
        }
        return new RequestCookieJar(List.copyOf(cookies));
    }

    private static void addSegment(List<RequestCookie> cookies, String header, int from, int to) {
        String segment = CookieText.trim(header, from, to);
        if (segment.isEmpty()) {
            return;
        }
        int eq = segment.indexOf('=');
        if (eq < 0) {
            cookies.add(new RequestCookie(segment, ""));
            return;
        }
        String name = CookieText.trim(segment, 0, eq);
        String value = CookieText.unquote(CookieText.trim(segment, eq + 1, segment.length()));
        cookies.add(new RequestCookie(name, value));
    }

    /** Every cookie, in the order sent. */
    public List<RequestCookie> all() {
        return cookies;
    }

    public boolean isEmpty() {
        return cookies.isEmpty();
    }

    /** Every cookie a lenient server could take for {@code name}, whatever its spelling. */
    public List<RequestCookie> named(String name) {
        List<RequestCookie> found = new ArrayList<>(1);
        for (RequestCookie cookie : cookies) {
            if (cookie.isNamed(name)) {
                found.add(cookie);
            }
        }
        return found;
    }

    /** The value of {@code name} when exactly one cookie goes by that name; none when absent or ambiguous. */
    public Optional<String> single(String name) {
        List<RequestCookie> found = named(name);
        return found.size() == 1 ? Optional.of(found.get(0).value()) : Optional.empty();
    }

    /** Every value of {@code name}, whatever its spelling. */
    public List<String> values(String name) {
        return named(name).stream().map(RequestCookie::value).toList();
    }

    /** The canonical {@code Cookie} header: canonical cookies only, {@code "; "}-separated; empty when none. */
    public String header() {
        return header(cookie -> false);
    }

    /** The same without the cookies {@code drop} accepts. */
    public String header(Predicate<RequestCookie> drop) {
        StringBuilder out = new StringBuilder();
        for (RequestCookie cookie : cookies) {
            if (cookie.canonical() && !drop.test(cookie)) {
                if (!out.isEmpty()) {
                    out.append("; ");
                }
                out.append(cookie.serialize());
            }
        }
        return out.toString();
    }

    /** Never the values. */
    @Override
    public String toString() {
        return "RequestCookieJar" + cookies;
    }
}
