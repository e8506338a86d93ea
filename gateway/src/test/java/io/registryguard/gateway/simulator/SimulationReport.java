package io.registryguard.gateway.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a run: counts per population from both ends (what the clients saw, what reached the registry),
 * the gateway's own metrics, the throughput, and the targets met or missed.
 */
final class SimulationReport {

    static final double MAX_CHALLENGED = 0.02;
    static final double MAX_BLOCKED = 0.001;

    private final SimulationParameters parameters;
    private final Map<String, PopulationStats> stats;
    private final RegistryCounters registry;
    private final GatewayMetrics metrics;
    private final SimulationRunner.Timing timing;
    private final Optional<Boolean> limiterOnSimulatedClock;

    SimulationReport(SimulationParameters parameters, Map<String, PopulationStats> stats, RegistryCounters registry,
            GatewayMetrics metrics, SimulationRunner.Timing timing, Optional<Boolean> limiterOnSimulatedClock) {
        this.limiterOnSimulatedClock = limiterOnSimulatedClock;
        this.parameters = parameters;
        this.stats = stats;
        this.registry = registry;
        this.metrics = metrics;
        this.timing = timing;
    }

    PopulationStats stats(String population) {
        return stats.get(population);
    }

    PopulationStats legitimate() {
        return stats(Populations.LEGITIMATE);
    }

    /** Registry sessions that reached an attacker, over all campaigns. */
    long attackerSessions() {
        return Populations.ATTACKERS.stream().mapToLong(p -> stats(p).sessions.sum()).sum();
    }

    /** Sensitive account and project actions of attackers that reached the registry. */
    long attackerActionsAtRegistry() {
        return Populations.ATTACKERS.stream().mapToLong(registry::accountActions).sum();
    }

    long loginPosts() {
        return Populations.ALL.stream().mapToLong(p -> stats(p).loginPosts.sum()).sum();
    }

    double decisionsPerSecond() {
        double seconds = timing.wall().toNanos() / 1e9;
        return seconds <= 0 ? 0 : loginPosts() / seconds;
    }

    long errors() {
        return Populations.ALL.stream().mapToLong(p -> stats(p).errors.sum()).sum();
    }

    /** The targets missed, in words; empty when all are met. */
    List<String> missedTargets() {
        List<String> missed = new ArrayList<>();
        PopulationStats legit = legitimate();
        long logins = legit.logins.sum();
        if (attackerSessions() > 0) {
            missed.add("attackers obtained " + attackerSessions() + " registry sessions (target 0)");
        }
        if (attackerActionsAtRegistry() > 0) {
            missed.add(attackerActionsAtRegistry() + " attacker account actions reached the registry (target 0)");
        }
        if (legit.challenged.sum() > MAX_CHALLENGED * logins) {
            missed.add("legitimate logins challenged beyond their factor: " + percent(legit.challenged.sum(), logins)
                    + " (target <= 2%)");
        }
        if (legit.blocked.sum() > MAX_BLOCKED * logins) {
            missed.add("legitimate logins blocked: " + percent(legit.blocked.sum(), logins) + " (target <= 0.1%)");
        }
        long unfinished = legit.logins.sum() - legit.sessions.sum() - legit.blocked.sum();
        if (unfinished > MAX_BLOCKED * logins) {
            missed.add("legitimate logins that ended without a session and without a refusal: " + unfinished
                    + " (see how logins ended)");
        }
        if (errors() > 0) {
            missed.add(errors() + " simulated clients failed unexpectedly (see errors)");
        }
        return missed;
    }

    String format() {
        StringBuilder out = new StringBuilder();
        out.append("\n=== registry-guard attack simulation ===\n\nParameters:\n");
        parameters.describe().forEach((k, v) -> out.append(String.format("  %-30s %s%n", k, v)));
        out.append(String.format("%n%-14s %7s %7s %9s %9s %8s %6s %6s %9s %6s%n", "population", "logins",
                "POSTs", "reached", "accepted", "sessions", "429", "403", "throttled", "email"));
        for (String population : Populations.ALL) {
            PopulationStats s = stats(population);
            out.append(String.format("%-14s %7d %7d %9d %9d %8d %6d %6d %9d %6d%n", population, s.logins.sum(),
                    s.loginPosts.sum(), registry.loginPosts(population), registry.loginsAccepted(population),
                    s.sessions.sum(), s.rateLimited.sum(), s.forbidden.sum(), s.throttled.sum(), s.emailStep.sum()));
        }
        out.append("  logins: login intents (a typo and its retry are one); POSTs: login form posts sent; reached:\n"
                + "  login posts the registry received; accepted: passwords the registry accepted; sessions: registry\n"
                + "  session_id released to the client; 429/403/throttled/email: logins that met a refusal, a slow\n"
                + "  answer or the email step.\n\n");
        PopulationStats legit = legitimate();
        long logins = legit.logins.sum();
        out.append(String.format("Legitimate: %d logins, %d completed (%s); challenged beyond their factor %d (%s,"
                + " target <= 2%%); blocked %d (%s, target <= 0.1%%): %d by rate limits (429), %d refused (403)%n",
                logins, legit.sessions.sum(), percent(legit.sessions.sum(), logins), legit.challenged.sum(),
                percent(legit.challenged.sum(), logins), legit.blocked.sum(), percent(legit.blocked.sum(), logins),
                legit.rateLimited.sum(), legit.forbidden.sum()));
        long attackPosts = Populations.ATTACKERS.stream().mapToLong(p -> stats(p).loginPosts.sum()).sum();
        long attackReached = Populations.ATTACKERS.stream().mapToLong(registry::loginPosts).sum();
        out.append(String.format("Attackers: %d login posts, %d reached the registry, %d passwords accepted by it;"
                + " sessions %d (target 0); factors enrolled %d; email codes requested %d, guessed %d; TOTP guesses"
                + " %d%n", attackPosts, attackReached,
                Populations.ATTACKERS.stream().mapToLong(registry::loginsAccepted).sum(), attackerSessions(),
                sum(s -> s.factorsEnrolled.sum()), sum(s -> s.emailCodesRequested.sum()),
                sum(s -> s.emailCodeGuesses.sum()), sum(s -> s.factorCodeTries.sum())));
        out.append(String.format("Takeover (2023): %d account actions tried, %d reached the registry (target 0),"
                + " %d carried out%n", stats(Populations.TAKEOVER).accountActions.sum(), attackerActionsAtRegistry(),
                Populations.ATTACKERS.stream().mapToLong(registry::accountActionsDone).sum()));
        stats(Populations.TAKEOVER).actionAnswers().forEach((k, v) -> out.append("  ").append(k).append(" x")
                .append(v).append('\n'));
        out.append("\nHow logins ended:\n");
        for (String population : Populations.ALL) {
            out.append("  ").append(population).append(": ").append(stats(population).ends()).append('\n');
        }
        out.append(String.format("%nThroughput: %d login posts in %.1f s of wall clock = %.0f decisions/s (%d events,"
                + " %d ticks, %d simulated days; setup before them %.1f s)%n", loginPosts(),
                timing.wall().toNanos() / 1e9, decisionsPerSecond(), timing.events(), timing.ticks(), parameters.days(),
                timing.setup().toNanos() / 1e9));
        out.append("  Only events of the same simulated tick run side by side: sparse traffic runs nearly one login at"
                + " a time, so\n  this is bound by one login's latency, not the gateway's capacity.\n");
        out.append("Rate limiter time: ").append(limiterOnSimulatedClock.map(simulated -> simulated
                ? "the simulated clock" : "the WALL clock: its windows did not move with the simulation (days ran in"
                        + " seconds), so its refusals overstate what a real deployment would see")
                .orElse("unknown (no email-code limit to probe it with)")).append('\n');
        out.append("Gateway rate-limit refusals by limit: ").append(metrics.refusalsByLimit()).append('\n');
        out.append("Gateway risk decisions (action reason): ").append(metrics.riskDecisions().map(Object::toString)
                .orElse("no " + GatewayMetrics.RISK_DECISIONS + " meter (the risk engine is not on the login path)"))
                .append('\n');
        for (String population : Populations.ALL) {
            if (stats(population).errors.sum() > 0) {
                out.append("Errors in ").append(population).append(": ").append(stats(population).errors.sum())
                        .append(", first: ").append(stats(population).firstError()).append('\n');
            }
        }
        List<String> missed = missedTargets();
        out.append(missed.isEmpty() ? "\nTargets: all met\n" : "\nTargets MISSED:\n  - "
                + String.join("\n  - ", missed) + "\n");
        return out.toString();
    }

    private long sum(java.util.function.ToLongFunction<PopulationStats> f) {
        return Populations.ATTACKERS.stream().map(this::stats).mapToLong(f).sum();
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "0%" : String.format("%.2f%%", 100.0 * part / whole);
    }
}
