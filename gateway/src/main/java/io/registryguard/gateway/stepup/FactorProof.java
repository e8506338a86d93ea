package io.registryguard.gateway.stepup;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.registryguard.audit.AuditDecision;
import io.registryguard.audit.AuditEventTypes;
import io.registryguard.audit.Auditor;
import io.registryguard.clientip.ClientAddress;
import io.registryguard.mfa.FactorMethod;
import io.registryguard.mfa.SecondFactorService;
import io.registryguard.policy.RouteClass;
import io.registryguard.ratelimit.AttemptOutcome;
import io.registryguard.ratelimit.RateLimitDecision;
import io.registryguard.ratelimit.RateLimitRequest;
import io.registryguard.ratelimit.RateLimiter;
import io.registryguard.session.GuardSession;
import io.registryguard.stepup.StepUpGuard;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A second factor proven again at {@code /_guard/step-up}, under the second-factor limits and audited, and the token
 * it earns: minted for one route, the action it was proven for.
 */
final class FactorProof {

    private final StepUpGuard guard;
    private final SecondFactorService factors;
    private final RateLimiter limiter;
    private final Auditor audit;
    private final Clock clock;

    FactorProof(StepUpGuard guard, SecondFactorService factors, RateLimiter limiter, Auditor audit, Clock clock) {
        this.guard = guard;
        this.factors = factors;
        this.limiter = limiter;
        this.audit = audit;
        this.clock = clock;
    }

    /** The method's {@code amr} when the code is right; empty when wrong or over the limits. */
    Mono<Optional<String>> verified(ServerWebExchange exchange, GuardSession session, String code) {
        var limit = RateLimitRequest.of(RouteClass.SECOND_FACTOR, ClientAddress.of(exchange).address(),
                session.subject());
        return limiter.check(limit).flatMap(decision -> {
            if (decision instanceof RateLimitDecision.Refused) {
                return Mono.just(Optional.<String>empty());
            }
            return factors.verify(session.subject(), code == null ? "" : code.strip()).flatMap(result -> {
                audit.record(result.accepted() ? AuditEventTypes.STEPUP_GRANTED : AuditEventTypes.STEPUP_REFUSED,
                        exchange, session.subject(),
                        result.accepted() ? AuditDecision.ALLOWED : AuditDecision.DENIED, Map.of());
                return limiter.recordOutcome(decision, result.accepted() ? AttemptOutcome.SUCCESS : AttemptOutcome.FAILURE)
                        // a recovery code is a one-time password: RFC 8176 has no value of its own for it
                        .thenReturn(result.method().map(m -> m == FactorMethod.RECOVERY_CODE ? "otp" : m.amr()));
            });
        });
    }

    /** A token for a factor proven just now, for {@code route} (a policy rule name). */
    String mint(GuardSession session, String route, String amr) {
        return guard.issue(session.subject(), session.sid(), route, clock.instant(), Set.of(amr));
    }
}
