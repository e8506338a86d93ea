package io.registryguard.gateway.demo;

/**
 * Priorities of the built-in stubs (WireMock tries lower numbers first). All are above WireMock's
 * default of 5, so a stub a test adds without a priority overrides any built-in route.
 */
final class StubPriority {

    /** Answers that win over everything on the route, e.g. "already logged in", account deletion. */
    static final int FIRST = 6;
    /** The normal answer of a route for a precise request. */
    static final int EXACT = 7;
    /** The route's answer when the distinguishing field does not match, e.g. a wrong password. */
    static final int FIELD_FALLBACK = 8;
    /** The route's answer for anything else, e.g. an unknown username. */
    static final int ROUTE_FALLBACK = 9;
    /** A logged-in route asked for without a demo session. */
    static final int LOGIN_REQUIRED = 10;
    /** Everything no route claims. */
    static final int NOT_FOUND = 12;

    private StubPriority() {
    }
}
