package io.registryguard.audit;

import java.time.Clock;
import java.util.Map;

import org.springframework.web.server.ServerWebExchange;

/**
 * Records an audit event about a request without making the request wait for the store: the event's log line is
 * written at once, the stream write completes in the background (and never fails, see {@link AuditTrail}).
 */
public final class Auditor {

    /** For tests and tools that audit nothing. */
    public static final Auditor NONE = new Auditor(null, Clock.systemUTC());

    private final AuditTrail trail;
    private final Clock clock;

    public Auditor(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * @param exchange the request (client address, user agent, path without query, route class)
     * @param account  whom it concerns, or null
     * @param details  small facts, e.g. the limit or rule that decided
     */
    public void record(String type, ServerWebExchange exchange, String account, AuditDecision decision,
            Map<String, String> details, String... reasons) {
        if (trail == null) {
            return;
        }
        AuditEventBuilder event = AuditEvent.builder(type, clock.instant()).decision(decision);
        if (exchange != null) {
            event.request(exchange);
        }
        if (account != null) {
            event.account(account);
        }
        details.forEach(event::detail);
        for (String reason : reasons) {
            event.reason(reason);
        }
        trail.record(event.build()).subscribe();
    }
}
