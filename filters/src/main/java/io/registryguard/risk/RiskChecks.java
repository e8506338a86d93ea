package io.registryguard.risk;

/** Validators for the risk settings; messages name the policy key. */
final class RiskChecks {

    private RiskChecks() {
    }

    static void positive(String key, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be > 0, was " + value);
        }
    }

    static void ratio(String key, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(key + " must be in (0, 1], was " + value);
        }
    }
}
