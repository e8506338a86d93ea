package io.registryguard.stepup;

import java.time.Duration;

/**
 * How the gateway issues and checks its step-up tokens.
 *
 * @param issuer        {@code iss} of every token, checked on the way back
 * @param audience      {@code aud} of every token, checked on the way back
 * @param tokenLifetime {@code exp - iat}; short, because a token is a bearer credential
 * @param clockSkew     tolerance for {@code exp}, {@code iat} and {@code auth_time} between replicas
 * @param freshGrace    how old {@code auth_time} may be on a route with max-age 0
 */
public record StepUpSettings(String issuer, String audience, Duration tokenLifetime, Duration clockSkew,
        Duration freshGrace) {

    public static final String DEFAULT_ISSUER = "registry-guard";
    public static final String DEFAULT_AUDIENCE = "registry-guard/step-up";
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofMinutes(5);
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
    public static final Duration DEFAULT_FRESH_GRACE = Duration.ofSeconds(60);

    private static final Duration MAX_LIFETIME = Duration.ofHours(1);
    private static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final Duration MAX_GRACE = Duration.ofMinutes(10);

    public StepUpSettings {
        checkText(issuer, "issuer");
        checkText(audience, "audience");
        checkWithin(tokenLifetime, Duration.ofSeconds(1), MAX_LIFETIME, "token-lifetime");
        checkWithin(clockSkew, Duration.ZERO, MAX_SKEW, "clock-skew");
        checkWithin(freshGrace, Duration.ofSeconds(1), MAX_GRACE, "fresh-grace");
    }

    public static StepUpSettings defaults() {
        return new StepUpSettings(DEFAULT_ISSUER, DEFAULT_AUDIENCE, DEFAULT_TOKEN_LIFETIME, DEFAULT_CLOCK_SKEW,
                DEFAULT_FRESH_GRACE);
    }

    private static void checkText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be blank");
        }
    }

    private static void checkWithin(Duration value, Duration min, Duration max, String key) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
