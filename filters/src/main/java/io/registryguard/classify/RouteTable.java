package io.registryguard.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import io.registryguard.policy.Policy;
import io.registryguard.policy.RouteRule;

/**
 * The policy's route rules indexed by method, compiled once per policy. Answers which rules a request
 * could fall under before anything but its method, path and header names is known.
 */
final class RouteTable {

    private final Map<String, List<RouteRule>> rulesByMethod;
    private final boolean caseInsensitive;

    private RouteTable(Map<String, List<RouteRule>> rulesByMethod, boolean caseInsensitive) {
        this.rulesByMethod = rulesByMethod;
        this.caseInsensitive = caseInsensitive;
    }

    static RouteTable compile(Policy policy) {
        Map<String, List<RouteRule>> byMethod = new LinkedHashMap<>();
        for (RouteRule rule : policy.routes()) {
            for (String method : rule.methods()) {
                byMethod.computeIfAbsent(method, m -> new ArrayList<>()).add(rule);
            }
            // HEAD is a GET without the body (RFC 9110 9.3.2): the registry serves it with the GET view
            if (rule.methods().contains("GET") && !rule.methods().contains("HEAD")) {
                byMethod.computeIfAbsent("HEAD", m -> new ArrayList<>()).add(rule);
            }
        }
        byMethod.replaceAll((method, rules) -> List.copyOf(rules));
        return new RouteTable(Map.copyOf(byMethod), policy.normalization().caseInsensitive());
    }

    /**
     * @param method        the request method, any case
     * @param segments      the normalized path, see {@link PathNormalizer}
     * @param headerPresent whether the request has a header (lower-case name)
     * @return the rules matching method, path and header conditions, in policy order; form-field conditions
     *         are left to {@link RouteClassifier}
     */
    List<RouteRule> candidates(String method, List<String> segments, Predicate<String> headerPresent) {
        List<RouteRule> rules = rulesByMethod.getOrDefault(method.toUpperCase(Locale.ROOT), List.of());
        List<RouteRule> matching = null;
        for (RouteRule rule : rules) {
            if (rule.path().matches(segments, caseInsensitive) && headersMatch(rule, headerPresent)) {
                if (matching == null) {
                    matching = new ArrayList<>(2);
                }
                matching.add(rule);
            }
        }
        return matching == null ? List.of() : matching;
    }

    private static boolean headersMatch(RouteRule rule, Predicate<String> headerPresent) {
        return rule.headers().isEmpty() || rule.headers().stream().anyMatch(headerPresent);
    }
}
