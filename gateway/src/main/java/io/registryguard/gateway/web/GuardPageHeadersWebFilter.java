package io.registryguard.gateway.web;

import io.registryguard.GuardFilterOrder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The gateway's own pages ({@code /_guard/}) load nothing from anywhere, run no script, cannot be framed and are
 * never cached: they show codes and secrets.
 */
@Component
final class GuardPageHeadersWebFilter implements WebFilter, Ordered {

    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().startsWith("/_guard/")) {
            // at commit: the page renderer writes its own headers after filters have run
            exchange.getResponse().beforeCommit(() -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.set("Content-Security-Policy", CSP);
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "no-referrer");
                headers.setCacheControl("no-store");
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return GuardFilterOrder.GUARD_PAGE_HEADERS.order();
    }
}
