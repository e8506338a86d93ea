package io.registryguard.admin;

import io.registryguard.GuardFilterOrder;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The management port serves management only: the actuator and the admin API. Its child context sees the
 * application's handler mappings too, so without this it served the {@code /_guard} pages (the dev mailbox
 * included) and proxied the registry over plain HTTP (issue 11). Anything else is a 404 here, before any handler,
 * and so is any path with a dot segment, an escape, a parameter or an empty segment: none of the management paths
 * needs one, and a proxied registry would resolve them where this filter does not.
 */
final class ManagementPathsWebFilter implements WebFilter, Ordered {

    private static final String SEGMENTS = "(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*/?";

    private final Pattern allowed;

    /** @param actuatorBasePath {@code management.endpoints.web.base-path}, {@code /actuator} by default */
    ManagementPathsWebFilter(String actuatorBasePath) {
        String base = actuatorBasePath.endsWith("/")
                ? actuatorBasePath.substring(0, actuatorBasePath.length() - 1) : actuatorBasePath;
        this.allowed = Pattern.compile("(" + Pattern.quote(base) + "|" + Pattern.quote(
                AdminRoutes.PREFIX.substring(0, AdminRoutes.PREFIX.length() - 1)) + ")" + SEGMENTS);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (allowed.matcher(path).matches()) {
            return chain.filter(exchange);
        }
        exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
        return exchange.getResponse().setComplete();
    }

    @Override
    public int getOrder() {
        return GuardFilterOrder.MANAGEMENT_PATHS.order();
    }
}
