package io.registryguard.login;

import io.registryguard.policy.OutcomeRule;
import io.registryguard.policy.RouteClass;

/** What the login guard reports; the gateway binds it to Micrometer ({@code guard_login_attempts_total}). */
public interface LoginMetrics {

    LoginMetrics NOOP = new LoginMetrics() {
    };

    /** An attempt reached the registry and its answer was judged. */
    default void judged(RouteClass routeClass, OutcomeRule.Outcome outcome) {
    }

    /** An attempt was refused before the registry heard of it. */
    default void refused(RouteClass routeClass, String limit) {
    }
}
