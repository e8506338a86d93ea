package io.registryguard.policy.risk;

import java.time.Duration;
import java.util.Objects;

/**
 * The global failure-ratio alarm.
 *
 * @param interval       how often the ratio is measured and the baseline moved
 * @param alpha          the baseline's EWMA smoothing factor (higher follows faster)
 * @param warmupIntervals measured intervals before the alarm can go off (the baseline needs history)
 * @param minAttempts    intervals with fewer attempts say nothing about the ratio
 * @param enterFactor    the alarm goes off when the ratio reaches {@code baseline × enterFactor} …
 * @param minRatio       … and at least {@code minRatio} (a 1% baseline tripled is still normal)
 * @param exitFactor     it goes off again after {@code exitIntervals} intervals in a row at or below
 *                       {@code baseline × exitFactor} (or too quiet to measure): hysteresis, so it does not flap
 */
public record UnderAttackSettings(Duration interval, double alpha, int warmupIntervals, long minAttempts,
        double enterFactor, double minRatio, double exitFactor, int exitIntervals, int weight) {

    public static final UnderAttackSettings DEFAULTS = new UnderAttackSettings(Duration.ofMinutes(1), 0.05, 30, 50,
            3.0, 0.3, 1.5, 10, 20);

    public UnderAttackSettings {
        Objects.requireNonNull(interval, "interval");
        if (interval.toMillis() <= 0) {
            throw new IllegalArgumentException("interval must be > 0, was " + interval);
        }
        RiskChecks.ratio("alpha", alpha);
        if (warmupIntervals < 1) {
            throw new IllegalArgumentException("warmup-intervals must be >= 1, was " + warmupIntervals);
        }
        RiskChecks.positive("min-attempts", minAttempts);
        RiskChecks.ratio("min-ratio", minRatio);
        if (!(exitFactor >= 1 && enterFactor > exitFactor)) {
            throw new IllegalArgumentException("need enter-factor (" + enterFactor + ") > exit-factor (" + exitFactor
                    + ") >= 1");
        }
        RiskChecks.positive("exit-intervals", exitIntervals);
        RiskChecks.positive("weight", weight);
    }
}
