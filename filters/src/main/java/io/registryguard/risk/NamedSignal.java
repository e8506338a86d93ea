package io.registryguard.risk;

import io.registryguard.policy.risk.SignalFailMode;

import java.util.Objects;

/** A signal as the engine runs it: a name for metrics and logs, and what its failure counts as. */
public record NamedSignal(String name, RiskSignal signal, SignalFailMode onError) {

    public NamedSignal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(signal, "signal of " + name);
        Objects.requireNonNull(onError, "on-error of " + name);
        if (name.isBlank()) {
            throw new IllegalArgumentException("signal name must not be blank");
        }
    }

    public static NamedSignal ignoringErrors(String name, RiskSignal signal) {
        return new NamedSignal(name, signal, SignalFailMode.IGNORE);
    }
}
