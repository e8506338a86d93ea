package io.registryguard.policy.risk;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The Have I Been Pwned range API client's settings.
 *
 * @param baseUrl   {@code https://api.pwnedpasswords.com} (tests point it at WireMock)
 * @param timeout   the whole lookup, connection included: a login must not wait on a third party for long
 * @param cacheTtl  how long a prefix's answer is reused (the list changes rarely)
 * @param cacheSize prefixes kept at most (there are 16^5 ≈ 1M)
 * @param onFailure what a failed or timed-out lookup answers
 */
public record PwnedPasswordsSettings(URI baseUrl, Duration timeout, Duration cacheTtl, int cacheSize,
        OnLookupFailure onFailure) {

    public static final PwnedPasswordsSettings DEFAULTS = new PwnedPasswordsSettings(
            URI.create("https://api.pwnedpasswords.com"), Duration.ofMillis(800), Duration.ofHours(6), 10_000,
            OnLookupFailure.ERROR);

    public PwnedPasswordsSettings {
        Objects.requireNonNull(baseUrl, "base-url");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(cacheTtl, "cache-ttl");
        Objects.requireNonNull(onFailure, "on-failure");
        if (!"https".equals(baseUrl.getScheme()) && !"http".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("base-url must be http(s), was " + baseUrl);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofSeconds(5)) > 0) {
            throw new IllegalArgumentException("timeout must be in (0, 5s], was " + timeout);
        }
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("cache-ttl must be >= 0, was " + cacheTtl);
        }
        RiskChecks.positive("cache-size", cacheSize);
    }

    public PwnedPasswordsSettings withBaseUrl(URI value) {
        return new PwnedPasswordsSettings(value, timeout, cacheTtl, cacheSize, onFailure);
    }

    public PwnedPasswordsSettings withTimeout(Duration value) {
        return new PwnedPasswordsSettings(baseUrl, value, cacheTtl, cacheSize, onFailure);
    }

    public PwnedPasswordsSettings withOnFailure(OnLookupFailure value) {
        return new PwnedPasswordsSettings(baseUrl, timeout, cacheTtl, cacheSize, value);
    }

    /** What a lookup that failed answers. */
    public enum OnLookupFailure {
        /** Emit the error: the risk engine's fail mode for the signal decides. */
        ERROR,
        /** Fail open. */
        NOT_BREACHED,
        /** Fail closed. */
        BREACHED
    }
}
