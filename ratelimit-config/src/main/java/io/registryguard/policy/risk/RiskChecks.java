package io.registryguard.policy.risk;

/** Validators for the risk settings; messages name the policy key. */
public final class RiskChecks {

    private RiskChecks() {
    }

    public static void positive(String key, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be > 0, was " + value);
        }
    }

    public static void ratio(String key, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(key + " must be in (0, 1], was " + value);
        }
    }
}
