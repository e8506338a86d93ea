package io.registryguard.session;

import io.registryguard.GuardFilterOrder;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.registryguard.web.Problem;
import io.registryguard.web.ProblemResponses;
import io.registryguard.web.RequestCookie;
import io.registryguard.web.RequestCookieJar;
import io.registryguard.web.RequestCookies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A request carrying the registry's session cookie must carry the guard session that cookie was released with.
 * One without (a session made around the gateway, before it, or whose guard session expired) is refused:
 * browsers are sent to log in again with the stale cookie cleared, API clients get 401. Logout is no exception (a
 * stolen cookie must not even log its owner out). Checked from the signed cookie alone, so logged-in browsing costs
 * no store call.
 *
 * <p>Cookies are read as the most lenient registry reads them ({@link RequestCookieJar}): {@code session_id =v},
 * {@code Session_ID=v} and {@code session_id="v"} all count. More than one registry or guard session cookie is
 * ambiguous and refused with 400. Every request goes upstream with its {@code Cookie} header rebuilt from what was
 * read, so the registry can only act on the cookies the guard checked.
 */
public final class GuardSessionFilter implements GlobalFilter, Ordered {

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
        ServerHttpRequest request = exchange.getRequest();
        if (!request.getHeaders().containsHeader(HttpHeaders.COOKIE)) {
            return chain.filter(exchange);
        }
        RequestCookieJar cookies = RequestCookies.of(request);
        List<RequestCookie> registry = cookies.named(registryCookie);
        List<RequestCookie> guard = cookies.named(GuardSessionCookies.COOKIE);
        String path = request.getPath().value();
        if (registry.size() > 1 || guard.size() > 1) {
            log.info("refused {} {}: {} registry and {} guard session cookies (only one of each is unambiguous)",
                    request.getMethod(), path, registry.size(), guard.size());
            return refuseAmbiguous(exchange);
        }
        if (registry.isEmpty()) {
            return forward(exchange, chain, cookies, c -> false);
        }
        Optional<GuardSession> session = guard.isEmpty() ? Optional.empty()
                : sessions.verify(guard.get(0).value(), registry.get(0).value());
        if (session.isPresent() && frozen.isFrozen(session.get().subject())) {
            log.info("refused {} {}: account {} is frozen", request.getMethod(), path, session.get().subject());
            return refuseFrozen(exchange);
        }
        if (session.isPresent()) {
            exchange.getAttributes().put(GuardSession.ATTRIBUTE, session.get());
            return forward(exchange, chain, cookies, c -> false);
        }
        if (guard.isEmpty() && crossSiteNavigation(exchange)) {
            // The guard cookie is SameSite=Strict, so a link followed from another site arrives without it while
            // the registry's (Lax) cookie comes along: show that page anonymously instead of ending the session.
            return forward(exchange, chain, cookies, c -> c.isNamed(registryCookie));
        }
        log.info("refused {} {}: registry session without a guard session (second factor not completed here)",
                request.getMethod(), path);
        return refuse(exchange);
    }

    /** Upstream with the canonical Cookie header; a logout the registry carried out ends the guard session too. */
    private Mono<Void> forward(ServerWebExchange exchange, GatewayFilterChain chain, RequestCookieJar cookies,
            Predicate<RequestCookie> drop) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getPath().value().equals(logoutPath) && !safeMethod(request)) {
            var response = exchange.getResponse();
            response.beforeCommit(() -> {
                HttpStatusCode status = response.getStatusCode();
                if (status == null || !status.isError()) {
                    response.addCookie(GuardSessionCookies.expired());
                }
                return Mono.empty();
            });
        }
        ServerHttpRequest canonical = RequestCookies.canonical(request, cookies, drop);
        return chain.filter(canonical == request ? exchange : exchange.mutate().request(canonical).build());
    }

    private static boolean safeMethod(ServerHttpRequest request) {
        String method = request.getMethod().name();
        return method.equals("GET") || method.equals("HEAD");
    }

    private static boolean crossSiteNavigation(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        return safeMethod(request) && "cross-site".equalsIgnoreCase(request.getHeaders().getFirst("Sec-Fetch-Site"));
    }

    /**
     * Two session cookies: which one a registry acts on depends on its reader (first, last, any), so neither is
     * trusted. Both are cleared (a browser that collected two can log in again); nothing goes upstream.
     */
    private Mono<Void> refuseAmbiguous(ServerWebExchange exchange) {
        var response = exchange.getResponse();
        response.addCookie(ResponseCookie.from(registryCookie, "").path("/").maxAge(0).build());
        response.addCookie(GuardSessionCookies.expired());
        return ProblemResponses.write(exchange, Problem.of(HttpStatus.BAD_REQUEST, "Bad Request",
                "The request carries more than one session cookie. Log in again."));
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
        return GuardFilterOrder.GUARD_SESSION.order();
    }
}
