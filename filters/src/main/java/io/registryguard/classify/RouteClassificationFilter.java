package io.registryguard.classify;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.registryguard.body.CappedBody;
import io.registryguard.policy.Policy;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Puts a {@link RouteClassification} on every exchange ({@link RouteClassification#ATTRIBUTE}). The body is
 * read only when a candidate rule dispatches on form fields, capped at the policy's {@code formMaxBytes},
 * and replayed byte for byte to the rest of the chain. Malformed requests fail with
 * {@link ResponseStatusException} (400, 413) for the error handler to render.
 */
public final class RouteClassificationFilter implements GlobalFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private final Supplier<Policy> policy;
    private final AtomicReference<CompiledPolicy> compiled = new AtomicReference<>();

    /** @param policy the current policy; read once per request, so a reload applies from the next request */
    public RouteClassificationFilter(Supplier<Policy> policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        try {
            return classify(exchange, chain);
        } catch (ResponseStatusException e) {
            return Mono.error(e);
        }
    }

    private Mono<Void> classify(ServerWebExchange exchange, GatewayFilterChain chain) {
        Policy current = policy.get();
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        RequestTriage triage = RequestTriage.of(routeTable(current), request.getMethod().name(),
                request.getURI().getRawPath(), request.getURI().getRawQuery(), headers::containsHeader,
                headers.getFirst(HttpHeaders.CONTENT_TYPE));
        if (!triage.needsBody()) {
            return proceed(exchange, chain, triage.classifyWithoutBody());
        }
        return CappedBody.read(exchange, current.body().formMaxBytes(),
                (replaying, body) -> proceed(replaying, chain, triage.classifyWithBody(body)));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private static Mono<Void> proceed(ServerWebExchange exchange, GatewayFilterChain chain,
            RouteClassification classification) {
        exchange.getAttributes().put(RouteClassification.ATTRIBUTE, classification);
        return chain.filter(exchange);
    }

    private RouteTable routeTable(Policy current) {
        CompiledPolicy last = compiled.get();
        if (last != null && last.policy() == current) {
            return last.table();
        }
        RouteTable table = RouteTable.compile(current);
        compiled.set(new CompiledPolicy(current, table));
        return table;
    }

    private record CompiledPolicy(Policy policy, RouteTable table) {
    }
}
