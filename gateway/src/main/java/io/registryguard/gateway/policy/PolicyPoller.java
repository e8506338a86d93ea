package io.registryguard.gateway.policy;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Checks the policy file every {@code guard.policy-poll-interval}; file reads run on boundedElastic. */
final class PolicyPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PolicyPoller.class);

    private final ActivePolicy policy;
    private final Duration interval;
    private final Clock clock;
    private volatile Disposable polling;

    PolicyPoller(ActivePolicy policy, Duration interval, Clock clock) {
        this.policy = policy;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public void start() {
        if (!policy.isWatching()) {
            return; // the built-in policy never changes
        }
        log.info("Watching policy file {} every {}", policy.file(), interval);
        polling = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromCallable(() -> policy.checkNow(clock))
                        .subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(e -> {
                            log.error("Policy check of {} failed unexpectedly; the running policy stays", policy.file(), e);
                            return Mono.empty();
                        }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable d = polling;
        if (d != null) {
            d.dispose();
            polling = null;
        }
    }

    @Override
    public boolean isRunning() {
        return polling != null && !polling.isDisposed();
    }
}
