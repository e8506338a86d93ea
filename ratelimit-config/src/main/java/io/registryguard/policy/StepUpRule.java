package io.registryguard.policy;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What a sensitive route demands: a second factor proven at most {@code maxAge} ago, of one of the {@code acr}
 * kinds (RFC 8176 {@code otp}, {@code hwk}; {@code email} for an emailed code), and, when {@code singleUse}, a
 * token that the action burns. Warehouse's own re-authentication asks only for the password and counts every
 * login as fresh for 30 minutes, which could not stop the 2023 takeover.
 *
 * @param maxAge    0 means "proven for this very action" (and requires single use)
 */
public record StepUpRule(Duration maxAge, Set<String> acr, boolean singleUse) {

    public static final Set<String> KNOWN_ACR = Set.of("otp", "hwk", "email");
    public static final StepUpRule DEFAULT = new StepUpRule(Duration.ofMinutes(5), Set.of("otp", "hwk"), false);

    public StepUpRule {
        Objects.requireNonNull(maxAge, "maxAge");
        acr = Set.copyOf(acr);
        if (acr.isEmpty() || !KNOWN_ACR.containsAll(acr)) {
            throw new IllegalArgumentException("acr must be a non-empty subset of " + KNOWN_ACR);
        }
        if (maxAge.isZero() && !singleUse) {
            throw new IllegalArgumentException("max-age 0 needs single-use");
        }
    }

    /**
     * The step-up settings of a policy.
     *
     * @param defaults for sensitive routes without an entry
     * @param routes   per route name
     */
    public record Settings(StepUpRule defaults, java.util.Map<String, StepUpRule> routes) {

        public static final Settings DEFAULT = new Settings(StepUpRule.DEFAULT, java.util.Map.of());

        public Settings {
            Objects.requireNonNull(defaults, "defaults");
            routes = java.util.Map.copyOf(routes);
        }

        public StepUpRule forRoute(String route) {
            return routes.getOrDefault(route, defaults);
        }
    }
}
