package io.registryguard.web;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** Removing cookies from a request before it goes on (the gateway's own, or a session the page must not use). */
public final class RequestCookies {

    private RequestCookies() {
    }

    /** The {@code Cookie} header values joined, without the cookies whose name {@code drop} accepts. */
    public static String without(List<String> cookieHeaders, Predicate<String> drop) {
        return cookieHeaders.stream()
                .flatMap(header -> Arrays.stream(header.split(";\\s*")))
                .filter(cookie -> !cookie.isBlank())
                .filter(cookie -> !drop.test(cookie.substring(0, Math.max(0, cookie.indexOf('='))).strip()))
                .collect(Collectors.joining("; "));
    }

    /** The request without those cookies (no {@code Cookie} header at all when none is left). */
    public static ServerHttpRequest without(ServerHttpRequest request, Predicate<String> drop) {
        return request.mutate().headers(headers -> {
            String kept = without(headers.getOrEmpty(HttpHeaders.COOKIE), drop);
            headers.remove(HttpHeaders.COOKIE);
            if (!kept.isEmpty()) {
                headers.set(HttpHeaders.COOKIE, kept);
            }
        }).build();
    }
}
