package io.registryguard.risk;

import java.util.Objects;

/** One reason a signal found, with the score it adds. */
public record WeightedReason(RiskReason reason, int weight) {

    public WeightedReason {
        Objects.requireNonNull(reason, "reason");
        if (weight < 0) {
            throw new IllegalArgumentException("weight of " + reason.id() + " must be >= 0, was " + weight);
        }
    }

    public static WeightedReason of(RiskReason reason, int weight) {
        return new WeightedReason(reason, weight);
    }
}
