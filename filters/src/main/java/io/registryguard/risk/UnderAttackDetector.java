package io.registryguard.risk;

import io.registryguard.policy.risk.UnderAttackSettings;

import java.time.Instant;
import java.util.Objects;

/**
 * Watches this node's login failure ratio per interval against a moving baseline (EWMA) and raises an
 * "under attack" flag when it jumps, lowering it only after a run of calm intervals. While the flag is up the
 * baseline is frozen, so an attack never becomes the new normal.
 *
 * <p>Per node: each replica sees its share of the traffic and the same ratio. Time comes from the outcomes'
 * own timestamps; thread-safe.
 */
public final class UnderAttackDetector {

    private final UnderAttackSettings settings;
    private final RiskMetrics metrics;
    private long interval = Long.MIN_VALUE;
    private long attempts;
    private long failures;
    private double baseline = Double.NaN;
    private int measured;
    private boolean underAttack;
    private int calm;

    public UnderAttackDetector(UnderAttackSettings settings, RiskMetrics metrics) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    public synchronized void record(Instant time, boolean failed) {
        roll(time);
        attempts++;
        failures += failed ? 1 : 0;
    }

    /** Whether the flag is up at {@code time} (closing any interval that has ended by then). */
    public synchronized boolean underAttack(Instant time) {
        roll(time);
        return underAttack;
    }

    /** The baseline failure ratio, NaN before the first measured interval. */
    public synchronized double baseline() {
        return baseline;
    }

    private void roll(Instant time) {
        long now = Math.floorDiv(time.toEpochMilli(), settings.interval().toMillis());
        if (interval == Long.MIN_VALUE) {
            interval = now;
            return;
        }
        if (now <= interval) {
            return;
        }
        close(attempts, failures);
        // Intervals with no attempt at all are quiet ones; more than exit-intervals of them change nothing more.
        long idle = Math.min(now - interval - 1, settings.exitIntervals());
        for (long i = 0; i < idle; i++) {
            close(0, 0);
        }
        interval = now;
        attempts = 0;
        failures = 0;
    }

    private void close(long attempts, long failures) {
        if (attempts < settings.minAttempts()) {
            if (underAttack) {
                calmed();
            }
            return;
        }
        double ratio = (double) failures / attempts;
        if (Double.isNaN(baseline)) {
            baseline = ratio;
            measured = 1;
            return;
        }
        if (underAttack) {
            if (ratio <= baseline * settings.exitFactor()) {
                calmed();
            } else {
                calm = 0;
            }
            return;
        }
        if (measured >= settings.warmupIntervals() && ratio >= settings.minRatio()
                && ratio >= baseline * settings.enterFactor()) {
            underAttack = true;
            calm = 0;
            metrics.underAttackChanged(true);
            return;
        }
        baseline += settings.alpha() * (ratio - baseline);
        measured++;
    }

    private void calmed() {
        calm++;
        if (calm >= settings.exitIntervals()) {
            underAttack = false;
            calm = 0;
            metrics.underAttackChanged(false);
        }
    }
}
