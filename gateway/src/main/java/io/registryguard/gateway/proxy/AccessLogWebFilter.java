package io.registryguard.gateway.proxy;

import io.registryguard.GuardFilterOrder;
import io.registryguard.classify.RouteClassification;
import io.registryguard.clientip.ClientAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One line per request on logger {@code registryguard.access}: method, path (never the query string,
 * which can carry tokens), status, route class ({@code -} for the gateway's own pages and for requests
 * refused before classification), client address, milliseconds.
 */
final class AccessLogWebFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger("registryguard.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!log.isInfoEnabled()) {
            return chain.filter(exchange);
        }
        long start = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> {
            var status = exchange.getResponse().getStatusCode();
            RouteClassification classification = exchange.getAttribute(RouteClassification.ATTRIBUTE);
            log.info("{} {} {} class={} client={} ms={}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), status == null ? "-" : status.value(),
                    classification == null ? "-" : classification.routeClass(), ClientAddress.of(exchange).text(),
                    (System.nanoTime() - start) / 1_000_000);
        });
    }

    @Override
    public int getOrder() {
        return GuardFilterOrder.ACCESS_LOG.order();
    }
}
