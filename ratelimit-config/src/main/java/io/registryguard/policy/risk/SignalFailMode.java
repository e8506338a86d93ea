package io.registryguard.policy.risk;

/**
 * What a signal's error (or timeout) counts as. Ignoring it keeps logins working when a store is down; treating
 * it as risky adds {@code weight} under {@link RiskReason#SIGNAL_UNAVAILABLE}.
 */
public record SignalFailMode(boolean treatAsRisky, int weight) {

    public static final SignalFailMode IGNORE = new SignalFailMode(false, 0);

    public SignalFailMode {
        if (!treatAsRisky && weight != 0) {
            throw new IllegalArgumentException("on-error: ignore takes no weight, was " + weight);
        }
        if (treatAsRisky && weight <= 0) {
            throw new IllegalArgumentException("on-error: risky needs a weight > 0, was " + weight);
        }
    }

    public static SignalFailMode risky(int weight) {
        return new SignalFailMode(true, weight);
    }
}
