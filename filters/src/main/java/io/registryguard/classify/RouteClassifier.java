package io.registryguard.classify;

import java.util.List;
import java.util.function.Predicate;

import io.registryguard.policy.RouteRule;

/**
 * Picks the winning rule among the candidates of a request. A rule without form-field conditions always
 * matches; one with them matches when any of its fields is present. The strictest class wins (declaration
 * order of {@code RouteClass}), ties go to the rule written first, so an ambiguous request is never
 * treated more leniently than any rule it matches.
 */
final class RouteClassifier {

    private RouteClassifier() {
    }

    static RouteClassification classify(List<RouteRule> candidates, Predicate<String> fieldPresent) {
        RouteRule winner = null;
        for (RouteRule rule : candidates) {
            boolean matches = !rule.dispatchesOnFormFields() || rule.formFields().stream().anyMatch(fieldPresent);
            if (matches && (winner == null || rule.routeClass().compareTo(winner.routeClass()) < 0)) {
                winner = rule;
            }
        }
        return winner == null ? RouteClassification.UNMATCHED
                : new RouteClassification(winner.routeClass(), winner.name());
    }
}
