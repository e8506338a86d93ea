package io.registryguard.session;

import java.util.Optional;

import io.registryguard.classify.RouteClassificationFilter;
import io.registryguard.web.Problem;
import io.registryguard.web.ProblemResponses;
import io.registryguard.web.RequestCookies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A request carrying the registry's session cookie must carry the guard session that cookie was released with.
 * One without (a session made around the gateway, before it, or whose guard session expired) is refused:
 * browsers are sent to log in again with the stale cookie cleared, API clients get 401. Checked from the signed
 * cookie alone, so logged-in browsing costs no store call. Logout ends the guard session too.
 */
public final class GuardSessionFilter implements GlobalFilter, Ordered {

    public static final int ORDER = RouteClassificationFilter.ORDER + 5;
    private static final Logger log = LoggerFactory.getLogger(GuardSessionFilter.class);

    public static final String FROZEN_PAGE = "/_guard/frozen";

    private final GuardSessionCookies sessions;
    private final FrozenAccounts frozen;
    private final String registryCookie;
    private final String loginPath;
    private final String logoutPath;

    /**
     * @param registryCookie the registry's session cookie name ({@code session_id} for Warehouse)
     */
    public GuardSessionFilter(GuardSessionCookies sessions, FrozenAccounts frozen, String registryCookie,
            String loginPath, String logoutPath) {
        this.sessions = sessions;
        this.frozen = frozen;
        this.registryCookie = registryCookie;
        this.loginPath = loginPath;
        this.logoutPath = logoutPath;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (path.equals(logoutPath)) {
            exchange.getResponse().beforeCommit(() -> {
                exchange.getResponse().addCookie(GuardSessionCookies.expired());
                return Mono.empty();
            });
            return chain.filter(exchange);
        }
        HttpCookie registry = exchange.getRequest().getCookies().getFirst(registryCookie);
        if (registry == null) {
            return chain.filter(exchange);
        }
        HttpCookie guard = exchange.getRequest().getCookies().getFirst(GuardSessionCookies.COOKIE);
        Optional<GuardSession> session = guard == null ? Optional.empty()
                : sessions.verify(guard.getValue(), registry.getValue());
        if (session.isPresent() && frozen.isFrozen(session.get().subject())) {
            log.info("refused {} {}: account {} is frozen", exchange.getRequest().getMethod(), path,
                    session.get().subject());
            return refuseFrozen(exchange);
        }
        if (session.isPresent()) {
            exchange.getAttributes().put(GuardSession.ATTRIBUTE, session.get());
            return chain.filter(exchange);
        }
        if (guard == null && crossSiteNavigation(exchange)) {
            // The guard cookie is SameSite=Strict, so a link followed from another site arrives without it while
            // the registry's (Lax) cookie comes along: show that page anonymously instead of ending the session.
            return chain.filter(exchange.mutate()
                    .request(RequestCookies.without(exchange.getRequest(), registryCookie::equals)).build());
        }
        log.info("refused {} {}: registry session without a guard session (second factor not completed here)",
                exchange.getRequest().getMethod(), path);
        return refuse(exchange);
    }

    private static boolean crossSiteNavigation(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        String method = request.getMethod().name();
        return (method.equals("GET") || method.equals("HEAD"))
                && "cross-site".equalsIgnoreCase(request.getHeaders().getFirst("Sec-Fetch-Site"));
    }

    private Mono<Void> refuse(ServerWebExchange exchange) {
        var response = exchange.getResponse();
        response.addCookie(ResponseCookie.from(registryCookie, "").path("/").maxAge(0).build());
        response.addCookie(GuardSessionCookies.expired());
        if (ProblemResponses.wantsHtml(exchange.getRequest())) {
            response.setStatusCode(HttpStatus.SEE_OTHER);
            response.getHeaders().set(HttpHeaders.LOCATION, loginPath);
            response.getHeaders().setCacheControl("no-store");
            return response.setComplete();
        }
        return ProblemResponses.write(exchange, Problem.of(HttpStatus.UNAUTHORIZED, "Unauthorized",
                "This session was not completed with a second factor. Log in again.")
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"registry-guard\""));
    }

    private Mono<Void> refuseFrozen(ServerWebExchange exchange) {
        var response = exchange.getResponse();
        response.addCookie(ResponseCookie.from(registryCookie, "").path("/").maxAge(0).build());
        response.addCookie(GuardSessionCookies.expired());
        if (ProblemResponses.wantsHtml(exchange.getRequest())) {
            response.setStatusCode(HttpStatus.SEE_OTHER);
            response.getHeaders().set(HttpHeaders.LOCATION, FROZEN_PAGE);
            response.getHeaders().setCacheControl("no-store");
            return response.setComplete();
        }
        return ProblemResponses.write(exchange, Problem.of(HttpStatus.FORBIDDEN, "Forbidden",
                "This account is frozen. Contact the registry's operators."));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
