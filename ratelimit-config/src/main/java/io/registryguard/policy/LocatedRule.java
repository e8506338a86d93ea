package io.registryguard.policy;

/** A rule with the line it was read from, while the file is being checked. */
record LocatedRule(RouteRule rule, int line) {
}
