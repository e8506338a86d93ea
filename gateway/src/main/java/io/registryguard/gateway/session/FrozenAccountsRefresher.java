package io.registryguard.gateway.session;

import java.time.Duration;

import io.registryguard.session.FrozenAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Mirrors the shared set of frozen accounts into each instance every {@code interval}: a freeze made on one
 * replica reaches the others within that, and checking a request never waits for Redis.
 */
final class FrozenAccountsRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FrozenAccountsRefresher.class);

    private final FrozenAccounts frozen;
    private final Duration interval;
    private volatile Disposable refreshing;

    FrozenAccountsRefresher(FrozenAccounts frozen, Duration interval) {
        this.frozen = frozen;
        this.interval = interval;
    }

    @Override
    public void start() {
        refreshing = Flux.interval(Duration.ZERO, interval)
                .onBackpressureDrop()
                .concatMap(tick -> frozen.refresh().onErrorResume(e -> {
                    log.warn("Could not refresh the frozen accounts ({}); the last known list stays", e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable d = refreshing;
        if (d != null) {
            d.dispose();
        }
        refreshing = null;
    }

    @Override
    public boolean isRunning() {
        return refreshing != null;
    }
}
