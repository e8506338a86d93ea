package io.registryguard.mfa;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a second-factor attempt: accepted, with the method that proved it, or refused. A
 * refusal carries no reason, so nothing downstream can tell a wrong code from a used one, an unknown
 * account or an account without a factor.
 */
public record VerificationResult(Optional<FactorMethod> method) {

    private static final VerificationResult REFUSED = new VerificationResult(Optional.empty());

    public VerificationResult {
        Objects.requireNonNull(method, "method");
    }

    public static VerificationResult refused() {
        return REFUSED;
    }

    public static VerificationResult acceptedBy(FactorMethod method) {
        return new VerificationResult(Optional.of(method));
    }

    public boolean accepted() {
        return method.isPresent();
    }
}
