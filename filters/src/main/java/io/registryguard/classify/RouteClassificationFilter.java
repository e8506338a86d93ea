package io.registryguard.classify;

import io.registryguard.GuardFilterOrder;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.registryguard.audit.AuditDecision;
import io.registryguard.audit.AuditEventTypes;
import io.registryguard.audit.Auditor;
import io.registryguard.policy.Policy;
import io.registryguard.read.MethodOverride;
import io.registryguard.read.ReadRequest;
import io.registryguard.read.StrictRequestReader;
import io.registryguard.read.UnreadableRequestException;
import io.registryguard.web.Problem;
import io.registryguard.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Puts a {@link RouteClassification} on every exchange ({@link RouteClassification#ATTRIBUTE}). A request no rule
 * could match by method, path and headers is public and never read. Any other is read once, strictly, by
 * {@link StrictRequestReader} and goes on in the canonical form of what was read ({@link ReadRequest} on the
 * exchange); what cannot be read with certainty is answered 400 here and audited, never treated as public.
 * Malformed paths and oversized bodies fail with {@link ResponseStatusException} (400, 413) for the error handler.
 */
public final class RouteClassificationFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RouteClassificationFilter.class);

    private final Supplier<Policy> policy;
    private final Auditor audit;
    private final AtomicReference<CompiledPolicy> compiled = new AtomicReference<>();

    /** @param policy the current policy; read once per request, so a reload applies from the next request */
    public RouteClassificationFilter(Supplier<Policy> policy, Auditor audit) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Policy current = policy.get();
        ServerHttpRequest request = exchange.getRequest();
        if (MethodOverride.requested(request.getHeaders(), request.getURI().getRawQuery())) {
            return refuse(exchange, MethodOverride.refusal());
        }
        RequestTriage triage;
        try {
            triage = RequestTriage.of(routeTable(current), current, request.getMethod().name(),
                    request.getURI().getRawPath(), request.getHeaders()::containsHeader);
        } catch (ResponseStatusException e) {
            return Mono.error(e);
        }
        if (!triage.mustRead()) {
            return proceed(exchange, chain, RouteClassification.UNMATCHED);
        }
        return StrictRequestReader.read(exchange, current.body().formMaxBytes(), triage.bodyMatters())
                .onErrorResume(UnreadableRequestException.class, e -> refuse(exchange, e).then(Mono.empty()))
                .flatMap(read -> {
                    Set<String> fields = Objects.requireNonNull(ReadRequest.of(read)).names();
                    return proceed(read, chain, triage.classify(fields));
                });
    }

    /** 400 and an audit event: an unreadable request is never forwarded, whichever rule it was aimed at. */
    private Mono<Void> refuse(ServerWebExchange exchange, UnreadableRequestException e) {
        ServerHttpRequest request = exchange.getRequest();
        log.info("refused {} {} with 400: {}", request.getMethod(), request.getPath(), e.getMessage());
        audit.record(AuditEventTypes.REQUEST_UNREADABLE, exchange, null, AuditDecision.DENIED,
                Map.of("category", e.category()), e.getMessage());
        return ProblemResponses.write(exchange, Problem.of(HttpStatus.BAD_REQUEST, "Bad Request",
                "The guard reads this request strictly and could not: " + e.getMessage() + "."));
    }

    @Override
    public int getOrder() {
        return GuardFilterOrder.ROUTE_CLASSIFICATION.order();
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
