package io.registryguard.session;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.registryguard.clientip.ClientAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * When the registry accepts a password, its answer must not give the browser a session: its {@code Set-Cookie}
 * headers are taken off and kept server-side (5 minutes), and the browser is sent to {@code /_guard/2fa} with a
 * pending cookie instead. Only a second factor releases the registry's cookies (2023: a password was all the
 * attacker had; 2024: ~170 accounts were logged into with leaked passwords).
 */
public final class SessionWithholding {

    public static final String PENDING_COOKIE = "__Host-guard-pending";
    public static final String TWO_FACTOR_PATH = "/_guard/2fa";

    private final PendingLoginStore store;
    private final Duration ttl;
    private final Clock clock;

    public SessionWithholding(PendingLoginStore store, Duration ttl, Clock clock) {
        this.store = store;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Rewrites the (not yet committed) successful answer to a password login for {@code username}. */
    public Mono<Void> withhold(ServerWebExchange exchange, String username) {
        return withhold(exchange, username, false, List.of());
    }

    /**
     * The same for a login the risk score looked at: {@code emailRequired} adds the emailed code to the factor;
     * {@code riskReasons} are kept with the pending login (never shown to the user).
     */
    public Mono<Void> withhold(ServerWebExchange exchange, String username, boolean emailRequired,
            List<String> riskReasons) {
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        List<String> registryCookies = List.copyOf(headers.getOrEmpty(HttpHeaders.SET_COOKIE));
        String next = safeNext(headers.getFirst(HttpHeaders.LOCATION));
        String userAgent = exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT);
        PendingLogin pending = new PendingLogin(SignedValue.randomId(), username, registryCookies, next,
                ClientAddress.of(exchange).text(), userAgent, clock.instant(), false, null, emailRequired, riskReasons);
        return store.save(pending, ttl).then(Mono.fromRunnable(() -> {
            // the registry's cookies are headers; cookies the guard added (the device cookie) stay
            headers.remove(HttpHeaders.SET_COOKIE);
            response.setStatusCode(HttpStatus.SEE_OTHER);
            headers.setLocation(URI.create(TWO_FACTOR_PATH));
            headers.setCacheControl("no-store");
            response.addCookie(pendingCookie(pending.id(), ttl));
        }));
    }

    public static ResponseCookie pendingCookie(String id, Duration maxAge) {
        return ResponseCookie.from(PENDING_COOKIE, id).path("/").secure(true).httpOnly(true).sameSite("Strict")
                .maxAge(maxAge).build();
    }

    /** Only a path on this site; anything else (absolute, scheme-relative, backslashes) goes to the account page. */
    static String safeNext(String location) {
        if (location == null) {
            return "/";
        }
        try {
            URI uri = URI.create(location.strip());
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//") || location.contains("\\")) {
                return "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException malformed) {
            return "/";
        }
    }
}
