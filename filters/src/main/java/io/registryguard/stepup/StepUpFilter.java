package io.registryguard.stepup;

import io.registryguard.GuardFilterOrder;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import io.registryguard.audit.AuditDecision;
import io.registryguard.audit.AuditEventTypes;
import io.registryguard.audit.Auditor;
import io.registryguard.classify.RouteClassification;
import io.registryguard.policy.Policy;
import io.registryguard.policy.RouteClass;
import io.registryguard.read.ReadRequest;
import io.registryguard.session.GuardSession;
import io.registryguard.session.SignedValue;
import io.registryguard.web.Problem;
import io.registryguard.web.ProblemResponses;
import io.registryguard.web.RequestCookies;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A sensitive request (and a change of second factors, {@code mfa-enrollment}, by a signed-in account: every one
 * has a factor, the gateway's login demands it) goes to the registry only with a step-up token that satisfies its
 * route's rule: extract →
 * verify → allow, or challenge. API clients get 401 with RFC 9470's {@code WWW-Authenticate} and, in the problem
 * body, the {@code route} to mint a token for at {@code POST /_guard/step-up}; browsers have their
 * request stashed and are sent to {@code /_guard/step-up}, after which the gateway replays it. The token never
 * reaches the registry.
 */
public final class StepUpFilter implements GlobalFilter, Ordered {

    public static final String STEP_UP_PAGE = "/_guard/step-up";
    /** Exchange attribute: a sequence rule demands a factor proven for this very action. */
    public static final String FRESH_FACTOR = StepUpFilter.class.getName() + ".freshFactor";
    /** Exchange attribute: the step-up was satisfied and the request went on to the registry. */
    public static final String FORWARDED = StepUpFilter.class.getName() + ".forwarded";
    /** The problem+json member of a 401 that names the route a step-up token must be minted for. */
    public static final String ROUTE_MEMBER = "route";

    private final Supplier<Policy> policy;
    private final StepUpGuard guard;
    private final StashStore stash;
    private final StepUpTokenExtractor extractor = StepUpTokenExtractor.headerThenCookie();
    private final Clock clock;
    private final Auditor audit;

    public StepUpFilter(Supplier<Policy> policy, StepUpGuard guard, StashStore stash, Auditor audit, Clock clock) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.stash = Objects.requireNonNull(stash, "stash");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        RouteClassification classification = exchange.getAttribute(RouteClassification.ATTRIBUTE);
        if (classification == null || !(classification.routeClass() == RouteClass.SENSITIVE
                || classification.routeClass() == RouteClass.MFA_ENROLLMENT)) {
            return chain.filter(exchange);
        }
        GuardSession session = GuardSession.of(exchange);
        String route = classification.ruleName();
        if (session == null && classification.routeClass() == RouteClass.MFA_ENROLLMENT) {
            return chain.filter(exchange); // the registry's own login check answers; nothing to change without a session
        }
        if (session == null) {
            audit.record(AuditEventTypes.SENSITIVE_DENIED, exchange, null, AuditDecision.DENIED,
                    Map.of("route", route), "no signed-in session");
            return ProblemResponses.write(exchange, Problem.of(HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "Log in first: this action needs a signed-in session and a fresh second factor."));
        }
        StepUpRequirement requirement = StepUpRequirements.of(policy.get().stepUp().forRoute(route));
        if (exchange.getAttribute(FRESH_FACTOR) != null) {
            requirement = StepUpRequirements.freshFor(requirement);
        }
        Optional<String> token = extractor.extract(ServerHttpRequestViews.of(exchange.getRequest()));
        return guard.check(requirement, route, session.sid(), session.subject(), token).flatMap(decision -> {
            if (decision instanceof StepUpDecision.Allowed) {
                exchange.getAttributes().put(FORWARDED, Boolean.TRUE);
                audit.record(AuditEventTypes.SENSITIVE_ALLOWED, exchange, session.subject(), AuditDecision.ALLOWED,
                        Map.of("route", route));
                return chain.filter(exchange.mutate().request(withoutToken(exchange.getRequest())).build());
            }
            StepUpDecision.Challenged challenged = (StepUpDecision.Challenged) decision;
            audit.record(AuditEventTypes.STEPUP_REFUSED, exchange, session.subject(), AuditDecision.CHALLENGED,
                    Map.of("route", route), "step-up token: " + challenged.reason());
            if (ProblemResponses.wantsHtml(exchange.getRequest())) {
                return stashAndRedirect(exchange, session, route);
            }
            return ProblemResponses.write(exchange, challengeProblem(route, challenged), Map.of(
                    ROUTE_MEMBER, route, "step_up_endpoint", STEP_UP_PAGE, "token_header", StepUpTokenExtractor.HEADER));
        });
    }

    /**
     * RFC 9470's challenge in the header, unchanged; which token to mint in the body ({@code route}), since a
     * max-age 0 rule accepts only a token minted for itself.
     */
    static Problem challengeProblem(String route, StepUpDecision.Challenged challenged) {
        return Problem.of(HttpStatus.UNAUTHORIZED, "Unauthorized", "This action needs a fresh second factor: POST a"
                + " code with route=" + route + " to " + STEP_UP_PAGE + " for a step-up token, then retry with it in"
                + " the " + StepUpTokenExtractor.HEADER + " header.")
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, challenged.wwwAuthenticate());
    }

    /** The request as read (its canonical body) is kept for the replay; it was never forwarded. */
    private Mono<Void> stashAndRedirect(ServerWebExchange exchange, GuardSession session, String route) {
        ServerHttpRequest request = exchange.getRequest();
        ReadRequest read = ReadRequest.of(exchange);
        byte[] body = read == null ? new byte[0] : read.canonicalBody();
        String contentType = read == null ? null : read.canonicalContentType();
        String raw = request.getURI().getRawPath()
                + (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery());
        StashedRequest stashed = new StashedRequest(SignedValue.randomId(), session.subject(), session.sid(),
                route, request.getMethod().name(), raw, contentType, body, clock.instant());
        return stash.save(stashed).then(Mono.defer(() -> {
            var response = exchange.getResponse();
            response.setStatusCode(HttpStatus.SEE_OTHER);
            response.getHeaders().setLocation(URI.create(STEP_UP_PAGE + "?r=" + stashed.id()));
            response.getHeaders().setCacheControl("no-store");
            return response.setComplete();
        }));
    }

    /** The registry never sees the gateway's token. */
    static ServerHttpRequest withoutToken(ServerHttpRequest request) {
        ServerHttpRequest withoutHeader = request.mutate().headers(h -> h.remove(StepUpTokenExtractor.HEADER)).build();
        return RequestCookies.without(withoutHeader, cookie -> cookie.isNamed(StepUpTokenExtractor.COOKIE));
    }

    @Override
    public int getOrder() {
        return GuardFilterOrder.STEP_UP.order();
    }
}
