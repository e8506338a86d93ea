package io.registryguard.risk;

import io.registryguard.policy.risk.RiskAction;

/**
 * What the risk engine reports. The gateway binds it to Micrometer; {@link #NOOP} ignores all. Called on request
 * threads: implementations must be cheap and must not block.
 */
public interface RiskMetrics {

    RiskMetrics NOOP = new RiskMetrics() {
    };

    /** One attempt assessed. */
    default void assessed(RiskAction action) {
    }

    /** A signal failed or timed out; {@code treatedAsRisky} says which fail mode applied. */
    default void signalFailed(String signal, boolean treatedAsRisky) {
    }

    /** The global "under attack" flag went up ({@code true}) or down. */
    default void underAttackChanged(boolean underAttack) {
    }
}
