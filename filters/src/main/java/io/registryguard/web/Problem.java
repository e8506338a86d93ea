package io.registryguard.web;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatusCode;

/**
 * An error answer (RFC 9457). API clients get it as {@code application/problem+json}, browsers as a
 * short page. {@code detail} is shown to the client: never put a secret, a stack trace or anything that
 * tells an attacker whether an account exists into it.
 *
 * @param headers extra response headers, e.g. {@code Retry-After} or {@code WWW-Authenticate}
 */
public record Problem(HttpStatusCode status, URI type, String title, String detail, Map<String, String> headers) {

    /** RFC 9457's default type: the status code says it all. */
    public static final URI BLANK = URI.create("about:blank");

    public Problem {
        headers = Map.copyOf(headers);
    }

    public static Problem of(HttpStatusCode status, String title, String detail) {
        return new Problem(status, BLANK, title, detail, Map.of());
    }

    public Problem withHeader(String name, String value) {
        var copy = new java.util.LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Problem(status, type, title, detail, copy);
    }
}
