package io.registryguard.clientip;

import io.registryguard.GuardFilterOrder;
import java.net.InetAddress;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Resolves the {@link ClientAddress} once per request, before anything else looks at the client. */
public final class ClientAddressWebFilter implements WebFilter, Ordered {


    private final ClientAddressResolver resolver;

    public ClientAddressWebFilter(ClientAddressResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().put(ClientAddress.ATTRIBUTE, resolve(exchange.getRequest()));
        return chain.filter(exchange);
    }

    ClientAddress resolve(ServerHttpRequest request) {
        var remote = request.getRemoteAddress();
        InetAddress peer = remote == null || remote.getAddress() == null
                ? InetAddress.getLoopbackAddress() : remote.getAddress();
        boolean trusted = resolver.trusts(peer);
        List<String> forwarded = request.getHeaders().getOrEmpty("X-Forwarded-For");
        InetAddress client = resolver.resolve(peer, forwarded);
        boolean secure = request.getSslInfo() != null;
        if (trusted) {
            String proto = request.getHeaders().getFirst("X-Forwarded-Proto");
            if (proto != null) {
                secure = proto.strip().equalsIgnoreCase("https");
            }
        }
        return new ClientAddress(client, trusted, secure);
    }

    @Override
    public int getOrder() {
        return GuardFilterOrder.CLIENT_ADDRESS.order();
    }
}
