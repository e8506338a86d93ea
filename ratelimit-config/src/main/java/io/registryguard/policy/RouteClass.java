package io.registryguard.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The class a request falls into. Every request gets exactly one; {@link #PUBLIC} is the default.
 * The order of declaration is the order of precedence when several rules match one request:
 * the strictest class wins, so an ambiguous request is never treated more leniently than any rule
 * it matches.
 */
public enum RouteClass {

    SENSITIVE("sensitive"),
    MFA_ENROLLMENT("mfa-enrollment"),
    SECOND_FACTOR("second-factor"),
    LOGIN("login"),
    API_AUTH("api-auth"),
    PUBLIC("public");

    private final String id;

    RouteClass(String id) {
        this.id = id;
    }

    /** The name used in policy.yaml, logs and metrics. */
    public String id() {
        return id;
    }

    public static Optional<RouteClass> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
