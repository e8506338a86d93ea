package io.registryguard.admin;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.registryguard.audit.AuditDecision;
import io.registryguard.audit.AuditEventTypes;
import io.registryguard.audit.Auditor;
import io.registryguard.gateway.policy.ActivePolicy;
import io.registryguard.policy.Limit;
import io.registryguard.ratelimit.RateLimiter;
import io.registryguard.session.FrozenAccounts;
import io.registryguard.web.Problem;
import io.registryguard.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The admin API on the management port (behind {@link AdminTokenWebFilter}):
 * <ul>
 * <li>{@code GET /admin/blocks}: the limits this instance has seen refuse, with what is blocked and for how long;</li>
 * <li>{@code POST /admin/unlock} {@code {"kind": "username"|"ip", "value": "..."}}: empties nothing, refills the
 * buckets of that username or address (an address also frees its subnet). Audited.</li>
 * <li>{@code POST /admin/freeze} / {@code POST /admin/unfreeze} {@code {"account": "..."}}, {@code GET /admin/frozen}:
 * a frozen account completes no login and its sessions are refused (within a second on every replica). Audited.</li>
 * <li>{@code POST /admin/factors/reset} {@code {"account": "..."}}: removes the account's second factors (it
 * enrolls again after proving its email). Audited, and the account is mailed.</li>
 * </ul>
 */
final class AdminRoutes {

    static final String PREFIX = "/admin/";

    private final RateLimiter limiter;
    private final FrozenAccounts frozen;
    private final Auditor audit;
    private final FactorResets resets;
    private final ActivePolicy policy;

    AdminRoutes(RateLimiter limiter, FrozenAccounts frozen, Auditor audit, FactorResets resets, ActivePolicy policy) {
        this.policy = policy;
        this.audit = audit;
        this.resets = resets;
        this.limiter = limiter;
        this.frozen = frozen;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET(PREFIX + "blocks", this::blocks)
                .POST(PREFIX + "unlock", this::unlock)
                .POST(PREFIX + "freeze", request -> freezing(request, true))
                .POST(PREFIX + "unfreeze", request -> freezing(request, false))
                .GET(PREFIX + "frozen", request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("frozen", frozen.list())))
                .POST(PREFIX + "factors/reset", this::resetFactors)
                .GET(PREFIX + "policy", request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(policyStatus()))
                .build();
    }

    /** The running policy and how its last reload went (the same as {@code /actuator/policy}). */
    private Map<String, Object> policyStatus() {
        var running = policy.get();
        Map<String, Object> status = new java.util.LinkedHashMap<>();
        status.put("version", running.version());
        status.put("sha256", running.sha256());
        status.put("source", running.source());
        var last = policy.lastResult();
        if (last != null) {
            status.put("lastCheck", Map.of("outcome", last.outcome().name(), "time", last.time().toString(),
                    "message", last.message() == null ? "" : last.message()));
        }
        return status;
    }

    private Mono<ServerResponse> resetFactors(ServerRequest request) {
        return request.bodyToMono(AccountRequest.class)
                .onErrorResume(e -> Mono.empty())
                .defaultIfEmpty(new AccountRequest(null))
                .flatMap(body -> {
                    if (body.account() == null || body.account().isBlank()) {
                        return badRequest(request, "Expected JSON {\"account\": \"...\"}.");
                    }
                    java.util.Optional<String> canonical = policy.get().accounts().canonical(body.account());
                    if (canonical.isEmpty()) {
                        return badRequest(request, "\"account\" is not an account name (control characters).");
                    }
                    String account = canonical.get();
                    return resets.reset(account).then(Mono.defer(() -> {
                        audit.record(AuditEventTypes.FACTOR_ENROLLED, request.exchange(), account, AuditDecision.NONE,
                                Map.of("action", "reset-by-admin"));
                        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("reset", account));
                    }));
                });
    }

    private Mono<ServerResponse> freezing(ServerRequest request, boolean freeze) {
        return request.bodyToMono(AccountRequest.class)
                .onErrorResume(e -> Mono.empty())
                .defaultIfEmpty(new AccountRequest(null))
                .flatMap(body -> {
                    if (body.account() == null || body.account().isBlank()) {
                        return badRequest(request, "Expected JSON {\"account\": \"...\"}.");
                    }
                    java.util.Optional<String> canonical = policy.get().accounts().canonical(body.account());
                    if (canonical.isEmpty()) {
                        return badRequest(request, "\"account\" is not an account name (control characters).");
                    }
                    String account = canonical.get();
                    String from = request.remoteAddress().map(a -> a.getAddress().getHostAddress()).orElse("?");
                    if (freeze) {
                        return frozen.freeze(account).then(Mono.defer(() -> {
                            audit.record(AuditEventTypes.ADMIN_FREEZE, request.exchange(), account,
                                    AuditDecision.NONE, Map.of("from", from));
                            return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                                    .bodyValue(Map.of("frozen", account));
                        }));
                    }
                    return frozen.unfreeze(account).flatMap(done -> {
                        audit.record(AuditEventTypes.ADMIN_UNFREEZE, request.exchange(), account,
                                done ? AuditDecision.NONE : AuditDecision.DENIED, Map.of("from", from),
                                done ? "unfrozen" : "frozen by the policy file");
                        return done ? ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                                        .bodyValue(Map.of("unfrozen", account))
                                : ProblemResponses.write(request.exchange(), Problem.of(HttpStatus.CONFLICT,
                                        "Conflict", "The account is frozen by the policy file (frozen-accounts);"
                                                + " remove it there.")).then(Mono.empty());
                    });
                });
    }

    private Mono<ServerResponse> blocks(ServerRequest request) {
        List<Map<String, Object>> blocks = limiter.blocks().stream()
                .map(b -> Map.<String, Object>of("limit", b.limit(), "kind", b.key().name().toLowerCase(Locale.ROOT),
                        "value", b.value(), "remainingSeconds", b.remaining().toSeconds()))
                .toList();
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("blocks", blocks));
    }

    private Mono<ServerResponse> unlock(ServerRequest request) {
        return request.bodyToMono(UnlockRequest.class)
                .onErrorResume(e -> Mono.empty())
                .defaultIfEmpty(new UnlockRequest(null, null))
                .flatMap(body -> {
                    Limit.Key kind = body.key();
                    if (kind == null || body.value() == null || body.value().isBlank()) {
                        return badRequest(request, "Expected JSON {\"kind\": \"username\" or \"ip\", \"value\": \"...\"}.");
                    }
                    return limiter.unlock(kind, body.value().strip())
                            .then(Mono.defer(() -> {
                                audit.record(AuditEventTypes.ADMIN_UNLOCK, request.exchange(),
                                        kind == Limit.Key.USERNAME ? body.value().strip() : null, AuditDecision.NONE,
                                        Map.of("kind", body.kind(), "value", body.value().strip()));
                                return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                                        .bodyValue(Map.of("unlocked", Map.of("kind", body.kind(), "value", body.value().strip())));
                            }))
                            .onErrorResume(IllegalArgumentException.class, e -> badRequest(request, e.getMessage()));
                });
    }

    private static Mono<ServerResponse> badRequest(ServerRequest request, String detail) {
        return ProblemResponses.write(request.exchange(), Problem.of(HttpStatus.BAD_REQUEST, "Bad Request", detail))
                .then(Mono.empty());
    }

    record AccountRequest(String account) {
    }

    record UnlockRequest(String kind, String value) {

        Limit.Key key() {
            if (kind == null) {
                return null;
            }
            return switch (kind.strip().toLowerCase(Locale.ROOT)) {
                case "username" -> Limit.Key.USERNAME;
                case "ip" -> Limit.Key.IP;
                default -> null;
            };
        }
    }
}
