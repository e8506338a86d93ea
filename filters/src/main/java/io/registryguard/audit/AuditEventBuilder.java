package io.registryguard.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.registryguard.classify.RouteClassification;
import io.registryguard.clientip.ClientAddress;
import io.registryguard.policy.RouteClass;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Builds an {@link AuditEvent}: {@code AuditEvent.builder(AuditEventTypes.LOGIN_FAILURE, clock.instant())
 * .request(exchange).account(username).decision(AuditDecision.DENIED).reason("registry-said-failure").build()}.
 * The event's own checks apply at {@link #build()}.
 */
public final class AuditEventBuilder {

    private final String type;
    private final Instant time;
    private String account;
    private String ip;
    private String userAgent;
    private RouteClass routeClass;
    private String path;
    private AuditDecision decision = AuditDecision.NONE;
    private final List<String> reasons = new ArrayList<>();
    private final Map<String, String> details = new TreeMap<>();

    AuditEventBuilder(String type, Instant time) {
        this.type = type;
        this.time = time;
    }

    /**
     * Client address (as resolved by the client-address filter), {@code User-Agent}, path (without the query) and
     * route class (when classification ran) of the request.
     */
    public AuditEventBuilder request(ServerWebExchange exchange) {
        ip = ClientAddress.of(exchange).text();
        userAgent = exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT);
        path = exchange.getRequest().getPath().value();
        RouteClassification classification = exchange.getAttribute(RouteClassification.ATTRIBUTE);
        if (classification != null) {
            routeClass = classification.routeClass();
        }
        return this;
    }

    public AuditEventBuilder account(String account) {
        this.account = account;
        return this;
    }

    public AuditEventBuilder ip(String ip) {
        this.ip = ip;
        return this;
    }

    public AuditEventBuilder userAgent(String userAgent) {
        this.userAgent = userAgent;
        return this;
    }

    public AuditEventBuilder routeClass(RouteClass routeClass) {
        this.routeClass = routeClass;
        return this;
    }

    public AuditEventBuilder path(String path) {
        this.path = path;
        return this;
    }

    public AuditEventBuilder decision(AuditDecision decision) {
        this.decision = decision;
        return this;
    }

    public AuditEventBuilder reason(String reason) {
        reasons.add(reason);
        return this;
    }

    public AuditEventBuilder reasons(Collection<String> reasons) {
        this.reasons.addAll(reasons);
        return this;
    }

    public AuditEventBuilder detail(String key, String value) {
        details.put(java.util.Objects.requireNonNull(key, "detail key"), value);
        return this;
    }

    public AuditEvent build() {
        return new AuditEvent(time, type, account, ip, userAgent, routeClass, path, decision, reasons, details);
    }
}
