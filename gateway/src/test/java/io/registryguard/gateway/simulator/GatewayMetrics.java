package io.registryguard.gateway.simulator;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gateway's own counts, read from its meter registry at the end of a run: rate-limit refusals per limit and,
 * once the risk engine is wired into the login path, its decisions per action and reason
 * ({@code guard_risk_decisions_total{action,reason}}).
 *
 * @param refusalsByLimit refused checks per limit name
 * @param riskDecisions   {@code action reason} → count; empty when the gateway has no such meter
 */
record GatewayMetrics(Map<String, Long> refusalsByLimit, Optional<Map<String, Long>> riskDecisions) {

    static final String RISK_DECISIONS = "guard.risk.decisions";

    static GatewayMetrics read(MeterRegistry meters) {
        Map<String, Long> refusals = new TreeMap<>();
        for (Counter counter : meters.find("guard.ratelimit.decisions").tag("outcome", "refused").counters()) {
            refusals.merge(counter.getId().getTag("limit"), (long) counter.count(), Long::sum);
        }
        var risk = meters.find(RISK_DECISIONS).counters();
        if (risk.isEmpty()) {
            return new GatewayMetrics(refusals, Optional.empty());
        }
        Map<String, Long> decisions = new TreeMap<>();
        for (Counter counter : risk) {
            String reason = counter.getId().getTag("reason");
            String key = counter.getId().getTag("action") + " " + (reason == null ? "-" : reason);
            decisions.merge(key, (long) counter.count(), Long::sum);
        }
        return new GatewayMetrics(refusals, Optional.of(decisions));
    }
}
