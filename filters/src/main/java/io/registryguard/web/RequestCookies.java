package io.registryguard.web;

import java.util.List;
import java.util.function.Predicate;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * A WebFlux request's cookies through {@link RequestCookieJar}, never Netty's strict decoder, and the request with
 * its {@code Cookie} header rebuilt canonically (optionally without some cookies: the gateway's own, or a session
 * the page must not use).
 */
public final class RequestCookies {

    private RequestCookies() {
    }

    /** The request's cookies as the most lenient server reads them. */
    public static RequestCookieJar of(ServerHttpRequest request) {
        List<String> headers = request.getHeaders().get(HttpHeaders.COOKIE);
        return headers == null ? RequestCookieJar.EMPTY : RequestCookieJar.read(headers);
    }

    /** The canonical {@code Cookie} header of these header values, without the cookies {@code drop} accepts. */
    public static String without(List<String> cookieHeaders, Predicate<RequestCookie> drop) {
        return RequestCookieJar.read(cookieHeaders).header(drop);
    }

    /** The request without those cookies (no {@code Cookie} header at all when none is left). */
    public static ServerHttpRequest without(ServerHttpRequest request, Predicate<RequestCookie> drop) {
        return canonical(request, of(request), drop);
    }

    /**
     * The request carrying {@code jar}'s canonical header minus {@code drop}; the same request when that is what it
     * already carries (a browser's ordinary {@code a=b; c=d}), so the common case allocates no new request.
     */
    public static ServerHttpRequest canonical(ServerHttpRequest request, RequestCookieJar jar,
            Predicate<RequestCookie> drop) {
        List<String> sent = request.getHeaders().get(HttpHeaders.COOKIE);
        String header = jar.header(drop);
        boolean unchanged = header.isEmpty() ? sent == null || sent.isEmpty()
                : sent != null && sent.size() == 1 && sent.get(0).equals(header);
        if (unchanged) {
            return request;
        }
        return request.mutate().headers(headers -> {
            headers.remove(HttpHeaders.COOKIE);
            if (!header.isEmpty()) {
                headers.set(HttpHeaders.COOKIE, header);
            }
        }).build();
    }
}
