package io.registryguard.gateway.tls;

import io.registryguard.GuardFilterOrder;
import io.registryguard.clientip.ClientAddress;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Adds {@code Strict-Transport-Security} to every answer given over HTTPS (RFC 6797 forbids it over HTTP). */
public final class HstsWebFilter implements WebFilter, Ordered {

    static final String HEADER = "Strict-Transport-Security";

    private final String value;

    public HstsWebFilter(java.time.Duration maxAge, boolean includeSubdomains) {
        this.value = "max-age=" + maxAge.toSeconds() + (includeSubdomains ? "; includeSubDomains" : "");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (ClientAddress.of(exchange).secure()) {
            exchange.getResponse().beforeCommit(() -> {
                exchange.getResponse().getHeaders().set(HEADER, value);
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return GuardFilterOrder.HSTS.order();
    }
}
