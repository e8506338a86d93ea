package io.registryguard.admin;

import io.registryguard.GuardFilterOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import io.registryguard.web.Problem;
import io.registryguard.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * {@code /admin/**} on the management port needs {@code Authorization: Bearer <GUARD_ADMIN_TOKEN>}. The token is
 * compared in constant time (as SHA-256 digests, so not even its length leaks); without a configured token every
 * call is refused. Probes and metrics ({@code /actuator/**}) stay open for the kubelet and the scraper.
 */
final class AdminTokenWebFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(AdminTokenWebFilter.class);

    private final byte[] expected;

    AdminTokenWebFilter(String token) {
        this.expected = token == null || token.isBlank() ? null : sha256(token.strip());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith(AdminRoutes.PREFIX)) {
            return chain.filter(exchange);
        }
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (expected != null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(expected, sha256(header.substring(7).strip()))) {
            return chain.filter(exchange);
        }
        var remote = exchange.getRequest().getRemoteAddress();
        log.warn("admin API: refused {} {} from {} ({})", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), remote == null ? "?" : remote.getAddress().getHostAddress(),
                expected == null ? "no GUARD_ADMIN_TOKEN configured" : header == null ? "no token" : "wrong token");
        Problem problem = Problem.of(HttpStatus.UNAUTHORIZED, "Unauthorized", expected == null
                ? "The admin API is disabled: set GUARD_ADMIN_TOKEN."
                : "The admin API needs Authorization: Bearer <admin token>.")
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"registry-guard-admin\"");
        return ProblemResponses.write(exchange, problem);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int getOrder() {
        return GuardFilterOrder.ADMIN_TOKEN.order();
    }
}
