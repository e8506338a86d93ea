package io.registryguard.risk;

import io.registryguard.policy.risk.RiskChecks;
import io.registryguard.policy.risk.RiskPolicy;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

/**
 * HTTP libraries' default user agents (and none at all) on a login: real users log in with a browser, and
 * publish with pip/twine, whose agents are not in the list.
 */
public final class ScriptedClientSignal implements RiskSignal {

    /** Case-insensitive prefixes of library defaults (the policy's list when it names none). */
    public static final List<String> DEFAULT_AGENTS = RiskPolicy.ScriptedClient.DEFAULT_AGENTS;

    private final Pattern scripted;
    private final int weight;

    public ScriptedClientSignal(List<String> agentPrefixes, int weight) {
        Objects.requireNonNull(agentPrefixes, "scripted-agents");
        RiskChecks.positive("scripted-client.weight", weight);
        if (agentPrefixes.isEmpty() || agentPrefixes.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new IllegalArgumentException("scripted-agents must be a non-empty list of non-blank prefixes");
        }
        this.scripted = Pattern.compile(String.join("|", agentPrefixes.stream().map(Pattern::quote).toList()),
                Pattern.CASE_INSENSITIVE);
        this.weight = weight;
    }

    public static ScriptedClientSignal withDefaults(int weight) {
        return new ScriptedClientSignal(DEFAULT_AGENTS, weight);
    }

    @Override
    public Mono<List<WeightedReason>> evaluate(LoginAttempt attempt) {
        String agent = attempt.userAgent().strip();
        boolean isScripted = agent.isEmpty() || scripted.matcher(agent).lookingAt();
        return Mono.just(isScripted ? List.of(WeightedReason.of(RiskReason.SCRIPTED_CLIENT, weight)) : List.of());
    }
}
