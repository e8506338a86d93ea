package io.registryguard.session;

import io.registryguard.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;

import reactor.test.StepVerifier;

/** The pending login store contract on the in-memory store, its time on a clock the test moves. */
class InMemoryPendingLoginStoreContractTests extends PendingLoginStoreContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T10:00:00Z"));
    private final InMemoryPendingLoginStore store = new InMemoryPendingLoginStore(clock);

    @Override
    PendingLoginStore store() {
        return store;
    }

    @Override
    void assertForgottenAfter(String id, Duration ttl) {
        clock.advance(ttl.minusNanos(1));
        StepVerifier.create(store.find(id)).expectNextCount(1).verifyComplete();

        clock.advance(Duration.ofNanos(1));
        StepVerifier.create(store.find(id)).verifyComplete();
        StepVerifier.create(store.take(id)).verifyComplete();
    }
}
