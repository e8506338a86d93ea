package io.registryguard.gateway.stepup;

import java.util.List;
import java.util.Set;

import io.registryguard.clientip.ClientAddress;
import io.registryguard.gateway.proxy.Upstream;
import io.registryguard.stepup.StashedRequest;
import io.registryguard.web.RequestCookies;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Sends a stashed sensitive request to the registry, once, with the browser's current registry cookies (never
 * the gateway's own), and gives back the registry's answer. The answers to these form posts are small pages or
 * redirects, so they are read whole (up to 4 MiB).
 */
final class StashReplay {

    private static final Set<String> NOT_COPIED = Set.of("transfer-encoding", "connection", "keep-alive",
            "content-length");

    private final WebClient client;
    private final String base;

    StashReplay(Upstream upstream) {
        String uri = upstream.uri().toString();
        this.base = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        this.client = WebClient.builder().codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
    }

    Mono<ResponseEntity<byte[]>> replay(StashedRequest stashed, ServerWebExchange current) {
        HttpHeaders incoming = current.getRequest().getHeaders();
        ClientAddress client = ClientAddress.of(current);
        return this.client.method(HttpMethod.valueOf(stashed.method()))
                // the raw path and query exactly as the browser sent them: no re-encoding
                .uri(java.net.URI.create(base + stashed.pathAndQuery()))
                .headers(h -> {
                    if (stashed.contentType() != null) {
                        h.set(HttpHeaders.CONTENT_TYPE, stashed.contentType());
                    }
                    String cookies = registryCookies(incoming.getOrEmpty(HttpHeaders.COOKIE));
                    if (!cookies.isEmpty()) {
                        h.set(HttpHeaders.COOKIE, cookies);
                    }
                    copy(incoming, h, HttpHeaders.USER_AGENT, HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE);
                    h.set("X-Forwarded-For", client.text());
                    h.set("X-Forwarded-Proto", client.scheme());
                    if (incoming.getFirst(HttpHeaders.HOST) != null) {
                        h.set("X-Forwarded-Host", incoming.getFirst(HttpHeaders.HOST));
                    }
                })
                .bodyValue(stashed.body())
                .retrieve()
                .onStatus(status -> true, r -> Mono.empty())
                .toEntity(byte[].class)
                .map(StashReplay::withoutHopByHop);
    }

    private static ResponseEntity<byte[]> withoutHopByHop(ResponseEntity<byte[]> answer) {
        HttpHeaders headers = new HttpHeaders();
        answer.getHeaders().forEach((name, values) -> {
            if (!NOT_COPIED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                headers.addAll(name, values);
            }
        });
        return new ResponseEntity<>(answer.getBody(), headers, answer.getStatusCode());
    }

    /** The browser's cookies minus the gateway's own ({@code __Host-guard-*}): the registry sees what it set. */
    static String registryCookies(List<String> cookieHeaders) {
        return RequestCookies.without(cookieHeaders, cookie -> cookie.nameStartsWith("__Host-guard-"));
    }

    private static void copy(HttpHeaders from, HttpHeaders to, String... names) {
        for (String name : names) {
            List<String> values = from.getOrEmpty(name);
            if (!values.isEmpty()) {
                to.put(name, values);
            }
        }
    }
}
