package io.registryguard;

import org.springframework.core.Ordered;

/**
 * Every filter of the guard, in the order it runs: the one place that says so (each filter's {@code getOrder()}
 * returns its entry here). Web filters run first, on every request the server receives; the gateway's global
 * filters run after them, on proxied requests, each reading what the one before it put on the exchange.
 */
public enum GuardFilterOrder {

    // --- web filters (WebFilter) ---
    /** Times and logs every request on the public port, whatever answers it. */
    ACCESS_LOG(Ordered.HIGHEST_PRECEDENCE),
    /** Management port: only actuator and admin paths exist there. */
    MANAGEMENT_PATHS(Ordered.HIGHEST_PRECEDENCE),
    /** Management port: the admin API's bearer token. */
    ADMIN_TOKEN(Ordered.HIGHEST_PRECEDENCE + 1),
    /** The client's address: the peer, or a trusted proxy's X-Forwarded-For. */
    CLIENT_ADDRESS(Ordered.HIGHEST_PRECEDENCE + 10),
    /** Strict-Transport-Security, which depends on a trusted proxy's X-Forwarded-Proto. */
    HSTS(Ordered.HIGHEST_PRECEDENCE + 11),
    /** Security headers of the guard's own pages. */
    GUARD_PAGE_HEADERS(Ordered.HIGHEST_PRECEDENCE + 20),

    // --- gateway global filters (GlobalFilter), before Spring Cloud Gateway's routing filters ---
    /** The one reading: read strictly what a rule could match, classify, forward the canonical form. */
    ROUTE_CLASSIFICATION(Ordered.HIGHEST_PRECEDENCE + 100),
    /** A registry session only with its guard session; frozen accounts; canonical cookies. */
    GUARD_SESSION(Ordered.HIGHEST_PRECEDENCE + 105),
    /** Login and upload credentials: limits, risk, outcome, withholding the session until the factor. */
    LOGIN_GUARD(Ordered.HIGHEST_PRECEDENCE + 110),
    /** The 2023 sequence rules, which may demand a factor proven for this very action. */
    SEQUENCE_RULES(Ordered.HIGHEST_PRECEDENCE + 115),
    /** Step-up before sensitive actions, after the sequence rules said how fresh. */
    STEP_UP(Ordered.HIGHEST_PRECEDENCE + 120);

    private final int order;

    GuardFilterOrder(int order) {
        this.order = order;
    }

    public int order() {
        return order;
    }
}
