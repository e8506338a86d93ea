package io.registryguard.gateway.policy;

import java.time.Clock;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.registryguard.policy.Policy;
import io.registryguard.policy.PolicyReloader;
import io.registryguard.policy.ReloadResult;

/**
 * The policy every request reads: the built-in one, or an operator's file kept current by polling.
 * Each check that applies or rejects an edit counts in {@code guard_policy_reload_total{result}}.
 */
public final class ActivePolicy implements Supplier<Policy> {

    private final PolicyReloader reloader;
    private final Policy builtIn;
    private final Counter applied;
    private final Counter rejected;
    private volatile ReloadResult lastResult;

    private ActivePolicy(PolicyReloader reloader, Policy builtIn, MeterRegistry meters) {
        this.reloader = reloader;
        this.builtIn = builtIn;
        this.applied = counter(meters, "applied");
        this.rejected = counter(meters, "rejected");
    }

    static ActivePolicy builtIn(Policy policy, MeterRegistry meters) {
        return new ActivePolicy(null, policy, meters);
    }

    static ActivePolicy watching(PolicyReloader reloader, MeterRegistry meters) {
        return new ActivePolicy(reloader, null, meters);
    }

    private static Counter counter(MeterRegistry meters, String result) {
        return Counter.builder("guard.policy.reload").tag("result", result)
                .description("Policy file edits applied or rejected (a rejected edit keeps the last good policy)")
                .register(meters);
    }

    @Override
    public Policy get() {
        return reloader == null ? builtIn : reloader.current();
    }

    /** {@code listener} hears every policy applied from now on (never for the built-in one, which cannot change). */
    public void onChange(java.util.function.Consumer<Policy> listener) {
        if (reloader != null) {
            reloader.addListener(listener);
        }
    }

    /** True when an operator's file is in use (and polled). */
    public boolean isWatching() {
        return reloader != null;
    }

    /** Checks the file once; what the poller runs, and tests call to avoid waiting for it. */
    public ReloadResult checkNow(Clock clock) {
        if (reloader == null) {
            return new ReloadResult(ReloadResult.Outcome.UNCHANGED, builtIn.sha256(), builtIn.version(),
                    "built-in policy; nothing to reload", clock.instant());
        }
        ReloadResult result = reloader.checkNow();
        switch (result.outcome()) {
            case APPLIED -> applied.increment();
            case REJECTED -> {
                if (lastResult == null || lastResult.outcome() != ReloadResult.Outcome.REJECTED
                        || !java.util.Objects.equals(lastResult.hash(), result.hash())) {
                    rejected.increment(); // once per bad edit, not once per poll
                }
            }
            case UNCHANGED -> { }
        }
        lastResult = result;
        return result;
    }

    /** The last check's result, or null before the first. */
    public ReloadResult lastResult() {
        return lastResult;
    }

    java.nio.file.Path file() {
        return reloader == null ? null : reloader.file();
    }
}
