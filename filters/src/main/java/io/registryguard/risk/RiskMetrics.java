package io.registryguard.risk;

import io.registryguard.policy.risk.RiskAction;

/**
 * What the risk engine reports. The gateway binds it to Micrometer; {@link #NOOP} ignores all. Called on request
 * threads: implementations must be cheap and must not block.
 */
public interface RiskMetrics {

    RiskMetrics NOOP = new RiskMetrics() {
    };

    /** One attempt scored, with the reasons behind its action. */
    default void assessed(RiskAssessment assessment) {
    }

    /** A password the registry accepted was found in a breach, and the login's action became {@code action}. */
    default void breachedAfterAcceptance(RiskAction action) {
    }

    /**
     * A first-factor enrollment started while enrollments across accounts form a burst; {@code refused} says
     * whether it was refused (its login carried a risk reason and the policy says refuse-risky).
     */
    default void enrollmentDuringBurst(boolean refused) {
    }

    /** A signal failed or timed out; {@code treatedAsRisky} says which fail mode applied. */
    default void signalFailed(String signal, boolean treatedAsRisky) {
    }

    /** The global "under attack" flag went up ({@code true}) or down. */
    default void underAttackChanged(boolean underAttack) {
    }
}
