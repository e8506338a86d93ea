package io.registryguard.stepup;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What a sensitive route asks of a step-up token.
 *
 * <p>{@code maxAge} bounds how long ago the second factor was proven ({@code auth_time}); {@code null}
 * means no bound beyond the token's own expiry. It is whole seconds because RFC 9470's {@code max_age}
 * is. A {@code maxAge} of zero means the factor must be proven for this very action: the token's
 * {@code auth_time} may be at most {@link StepUpSettings#freshGrace()} old (the time to get from the
 * step-up page back to the replayed request), it must have been minted for that very route, and the token is
 * burned by its first use, so zero requires {@code singleUse}. A positive {@code maxAge} accepts a token minted
 * for any route: it asks how recently a factor was proven, not for what.
 *
 * @param maxAge      how old {@code auth_time} may be; zero for "this action only"; {@code null} for any
 * @param acceptedAmr the methods that satisfy the route (any one of them), from {@link StepUpAmr}
 * @param singleUse   whether a token is burned by the first request it allows here
 */
public record StepUpRequirement(Duration maxAge, Set<String> acceptedAmr, boolean singleUse) {

    public StepUpRequirement {
        if (maxAge != null) {
            if (maxAge.isNegative()) {
                throw new IllegalArgumentException("max-age must not be negative, was " + maxAge);
            }
            if (maxAge.getNano() != 0) {
                throw new IllegalArgumentException("max-age must be whole seconds, was " + maxAge);
            }
            if (maxAge.isZero() && !singleUse) {
                throw new IllegalArgumentException(
                        "max-age 0 (a factor proven for this very action) requires single-use: true");
            }
        }
        acceptedAmr = StepUpAmr.canonical(acceptedAmr, "acr");
    }

    /** A requirement with a bound on the age of the second factor. */
    public static StepUpRequirement of(Duration maxAge, Set<String> acceptedAmr, boolean singleUse) {
        if (maxAge == null) {
            throw new IllegalArgumentException("max-age is required here; use anyAge for none");
        }
        return new StepUpRequirement(maxAge, acceptedAmr, singleUse);
    }

    /** A requirement satisfied by any unexpired token with an accepted method. */
    public static StepUpRequirement anyAge(Set<String> acceptedAmr, boolean singleUse) {
        return new StepUpRequirement(null, acceptedAmr, singleUse);
    }

    /** The bound on {@code auth_time}'s age, when there is one. */
    public Optional<Duration> maxAgeLimit() {
        return Optional.ofNullable(maxAge);
    }

    /** True when the factor must have been proven for this very action (max-age 0). */
    public boolean forThisActionOnly() {
        return maxAge != null && maxAge.isZero();
    }
}
