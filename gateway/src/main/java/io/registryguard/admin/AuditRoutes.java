package io.registryguard.admin;

import java.util.stream.Collectors;

import io.registryguard.audit.AuditEvent;
import io.registryguard.audit.AuditQuery;
import io.registryguard.audit.AuditTrail;
import io.registryguard.web.Problem;
import io.registryguard.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /admin/audit?account=&ip=&since=&until=&limit=} on the management port (behind
 * {@link AdminTokenWebFilter}): the audit trail, newest first, as {@code {"events":[...]}} with each event in the
 * shape of its log line ({@link AuditEvent#toJson()}). {@code since} and {@code until} are ISO-8601 instants
 * ({@code [since, until)}); {@code limit} is 1 to 1000, 100 by default. A bad parameter is a 400 naming it;
 * a store that does not answer (Redis down) a 503.
 */
final class AuditRoutes {

    private static final Logger log = LoggerFactory.getLogger(AuditRoutes.class);

    private final AuditTrail trail;

    AuditRoutes(AuditTrail trail) {
        this.trail = trail;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route().GET(AdminRoutes.PREFIX + "audit", this::query).build();
    }

    private Mono<ServerResponse> query(ServerRequest request) {
        AuditQuery query;
        try {
            query = AuditQueryParameters.parse(request.queryParams());
        } catch (AuditQueryParameters.BadParameter e) {
            return ProblemResponses.write(request.exchange(),
                    Problem.of(HttpStatus.BAD_REQUEST, "Bad Request", e.getMessage())).then(Mono.empty());
        }
        return trail.query(query)
                .map(AuditEvent::toJson)
                .collect(Collectors.joining(",", "{\"events\":[", "]}"))
                .flatMap(body -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CacheControl.noStore()).bodyValue(body))
                .onErrorResume(e -> {
                    log.warn("admin API: audit query failed ({}: {})", e.getClass().getSimpleName(), e.getMessage());
                    return ProblemResponses.write(request.exchange(), Problem.of(HttpStatus.SERVICE_UNAVAILABLE,
                            "Service Unavailable", "The audit store did not answer; try again.")).then(Mono.empty());
                });
    }
}
