package io.registryguard.clientip;

import java.util.List;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the {@code X-Forwarded-*} headers the registry sees. Headers from an untrusted peer are
 * dropped and replaced, so a client cannot pick the address the registry logs; a trusted proxy's chain
 * is kept and the proxy appended.
 */
public final class ForwardedHeadersFilter implements HttpHeadersFilter, Ordered {

    static final String FOR = "X-Forwarded-For";
    static final String PROTO = "X-Forwarded-Proto";
    static final String HOST = "X-Forwarded-Host";
    private static final List<String> SPOOFABLE = List.of(FOR, PROTO, HOST, "X-Forwarded-Port",
            "X-Forwarded-Prefix", "Forwarded", "X-Real-IP");

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        ClientAddress client = ClientAddress.of(exchange);
        var request = exchange.getRequest();
        HttpHeaders out = new HttpHeaders();
        out.putAll(input);
        SPOOFABLE.forEach(out::remove);

        var remote = request.getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null ? client.text()
                : IpAddresses.unmap(remote.getAddress()).getHostAddress();
        // The original request's headers: Spring Cloud Gateway's own filters may already have removed them
        // from the input.
        HttpHeaders original = request.getHeaders();
        String chain = client.peerTrusted() ? String.join(", ", original.getOrEmpty(FOR)) : "";
        out.set(FOR, chain.isBlank() ? peer : chain + ", " + peer);
        out.set(PROTO, client.scheme());
        String host = client.peerTrusted() && original.getFirst(HOST) != null ? original.getFirst(HOST)
                : original.getFirst(HttpHeaders.HOST);
        if (host != null) {
            out.set(HOST, host);
        }
        return out;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
