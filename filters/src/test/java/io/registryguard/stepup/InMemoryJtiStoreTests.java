package io.registryguard.stepup;

import io.registryguard.testsupport.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class InMemoryJtiStoreTests {

    private final MutableClock clock = new MutableClock(StepUpFixture.T0);
    private final InMemoryJtiStore store = new InMemoryJtiStore(clock);
    private final Instant inFiveMinutes = StepUpFixture.T0.plus(Duration.ofMinutes(5));

    @Test
    void burnWhenFirstTimeThenTrueAndAfterwardsFalse() {
        StepVerifier.create(store.burn("a", inFiveMinutes)).expectNext(true).verifyComplete();
        StepVerifier.create(store.burn("a", inFiveMinutes)).expectNext(false).verifyComplete();
        StepVerifier.create(store.burn("b", inFiveMinutes)).expectNext(true).verifyComplete();
    }

    @Test
    void burnWhenNotSubscribedThenNothingBurned() {
        store.burn("a", inFiveMinutes);

        assertThat(store.size()).isZero();
    }

    @Test
    void burnWhenEntryExpiredThenEvictedBySweep() {
        store.burn("a", inFiveMinutes).block();
        clock.advance(Duration.ofMinutes(5));

        store.burn("b", clock.instant().plus(Duration.ofMinutes(5))).block();

        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void burnWhenEntryNotYetExpiredThenKeptBySweep() {
        store.burn("a", inFiveMinutes).block();
        clock.advance(Duration.ofMinutes(4));

        StepVerifier.create(store.burn("a", inFiveMinutes)).expectNext(false).verifyComplete();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void burnWhenThreadsRaceOnOneIdThenExactlyOneWins() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Boolean> task = () -> {
                    start.await();
                    return store.burn("race", inFiveMinutes).block();
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
