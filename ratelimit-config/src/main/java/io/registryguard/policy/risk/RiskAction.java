package io.registryguard.policy.risk;

/** What the gateway does with an attempt, from least to most severe. */
public enum RiskAction {
    ALLOW,
    /** Confirm control of the email address in addition to the second factor (the 2024 stuffing fix). */
    REQUIRE_EMAIL,
    /** Answer after {@link RiskThresholds#throttleDelay()}. */
    THROTTLE,
    BLOCK
}
