package io.registryguard.sequence;

import io.registryguard.GuardFilterOrder;
import java.time.Clock;

import io.registryguard.audit.AuditDecision;
import io.registryguard.audit.AuditEvent;
import io.registryguard.audit.AuditEventTypes;
import io.registryguard.audit.AuditTrail;
import io.registryguard.classify.RouteClassification;
import io.registryguard.read.ReadRequest;
import io.registryguard.policy.RouteClass;
import io.registryguard.session.GuardSession;
import io.registryguard.stepup.StepUpFilter;
import io.registryguard.web.Problem;
import io.registryguard.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Judges a sensitive request by what came before it (the 2023 pattern: invite → accept → remove owner → delete
 * account). A denied action never reaches the registry, is audited and its account's owner is told; a
 * {@code require-step-up} one needs a factor proven for this very action ({@link StepUpFilter#FRESH_FACTOR}).
 * Actions the registry carried out are remembered for the rules. When the history cannot be read the action is
 * judged on the step-up alone (logged): the rules are a second line, the fresh factor the first.
 */
public final class SequenceRulesFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(SequenceRulesFilter.class);

    private final SequenceRules rules;
    private final SequenceHistory history;
    private final SequenceAlerts alerts;
    private final AuditTrail audit;
    private final Clock clock;

    public SequenceRulesFilter(SequenceRules rules, SequenceHistory history,
            SequenceAlerts alerts, AuditTrail audit, Clock clock) {
        this.rules = rules;
        this.history = history;
        this.alerts = alerts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        RouteClassification classification = exchange.getAttribute(RouteClassification.ATTRIBUTE);
        GuardSession session = GuardSession.of(exchange);
        if (classification == null || classification.routeClass() != RouteClass.SENSITIVE || session == null) {
            return chain.filter(exchange);
        }
        ReadRequest read = ReadRequest.of(exchange);
        var request = exchange.getRequest();
        var event = SensitiveRequests.event(classification.ruleName(), request.getMethod().name(),
                request.getURI().getRawPath(), read, session.subject(), clock.instant());
        if (event.isEmpty()) {
            return chain.filter(exchange);
        }
        return judge(event.get()).flatMap(decision -> {
            if (decision instanceof SequenceDecision.Denied denied) {
                return deny(exchange, event.get(), denied);
            }
            if (decision instanceof SequenceDecision.StepUpRequired) {
                exchange.getAttributes().put(StepUpFilter.FRESH_FACTOR, decision);
            }
            rememberIfCarriedOut(exchange, event.get());
            return chain.filter(exchange);
        });
    }

    /** The decision, or "allowed" when the history cannot be read (logged; the step-up still applies). */
    public Mono<SequenceDecision> judge(SensitiveEvent event) {
        return rules.evaluate(event).onErrorResume(e -> {
            log.warn("Sequence rules skipped for {} by {}: the history could not be read ({})", event.kind(),
                    event.actor(), e.toString());
            return Mono.just(SequenceDecision.ALLOWED);
        });
    }

    /** Records the event once the registry carried the action out (answered below 400). */
    public Mono<Void> remember(SensitiveEvent event) {
        return history.remember(event).onErrorResume(e -> {
            log.warn("Could not remember {} by {} for the sequence rules ({})", event.kind(), event.actor(), e.toString());
            return Mono.empty();
        });
    }

    private void rememberIfCarriedOut(ServerWebExchange exchange, SensitiveEvent event) {
        exchange.getResponse().beforeCommit(() -> {
            var status = exchange.getResponse().getStatusCode();
            boolean forwarded = exchange.getAttribute(StepUpFilter.FORWARDED) != null;
            return forwarded && status != null && status.value() < 400 ? remember(event) : Mono.empty();
        });
    }

    /** Refuses the action: audited, its owner told, 403 for the client. */
    public Mono<Void> deny(ServerWebExchange exchange, SensitiveEvent event, SequenceDecision.Denied denied) {
        AuditEvent record = AuditEvent.builder(AuditEventTypes.SENSITIVE_DENIED, clock.instant()).request(exchange)
                .account(event.actor()).decision(AuditDecision.DENIED).reasons(denied.reasons())
                .detail("rule", denied.rule()).build();
        return audit.record(record).then(alerts.fired(event, denied).onErrorResume(e -> Mono.empty()))
                .then(ProblemResponses.write(exchange, Problem.of(HttpStatus.FORBIDDEN, "Forbidden",
                        "This action was refused because of what happened on this account just before it. The"
                                + " account's owner has been notified; the registry's operators can help.")));
    }

    @Override
    public int getOrder() {
        return GuardFilterOrder.SEQUENCE_RULES.order();
    }
}
