package io.registryguard.gateway.stepup;

import java.util.List;

import io.registryguard.policy.Policy;
import io.registryguard.policy.RouteClass;
import io.registryguard.policy.RouteRule;

/** The routes a step-up token can be minted for: the rules whose requests {@code StepUpFilter} asks one of. */
final class StepUpRoutes {

    private StepUpRoutes() {
    }

    /** Their names, sorted, as an API client sends them in {@code route}. */
    static List<String> names(Policy policy) {
        return policy.routes().stream()
                .filter(rule -> rule.routeClass() == RouteClass.SENSITIVE || rule.routeClass() == RouteClass.MFA_ENROLLMENT)
                .map(RouteRule::name)
                .sorted()
                .toList();
    }
}
