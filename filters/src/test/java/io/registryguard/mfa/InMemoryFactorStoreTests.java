package io.registryguard.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class InMemoryFactorStoreTests {

    private static final String CODE_A = RecoveryCodeHash.of("aaaa-bbbb-cccc-dddd").orElseThrow();
    private static final String CODE_B = RecoveryCodeHash.of("eeee-ffff-gggg-hhhh").orElseThrow();
    private static final String CODE_C = RecoveryCodeHash.of("kkkk-mmmm-nnnn-pppp").orElseThrow();

    private final InMemoryFactorStore store = new InMemoryFactorStore();

    @Test
    void findWhenNothingSavedThenEmpty() {
        StepVerifier.create(store.find("alice")).verifyComplete();
    }

    @Test
    void saveWhenFoundThenSameFactors() {
        EnrolledFactors factors = factors("alice", 100);
        store.save(factors).block();

        StepVerifier.create(store.find("alice")).expectNext(factors).verifyComplete();
        StepVerifier.create(store.find("bob")).verifyComplete();
    }

    @Test
    void advanceTotpStepWhenGreaterThenTrueAndStoredOtherwiseFalse() {
        store.save(factors("alice", 100)).block();

        StepVerifier.create(store.advanceTotpStep("alice", 100)).expectNext(false).verifyComplete();
        StepVerifier.create(store.advanceTotpStep("alice", 99)).expectNext(false).verifyComplete();
        StepVerifier.create(store.advanceTotpStep("alice", 101)).expectNext(true).verifyComplete();
        StepVerifier.create(store.advanceTotpStep("alice", 101)).expectNext(false).verifyComplete();
        assertThat(store.find("alice").block().lastTotpStep()).isEqualTo(101);
    }

    @Test
    void advanceTotpStepWhenNotEnrolledThenFalseAndNothingCreated() {
        StepVerifier.create(store.advanceTotpStep("alice", 5)).expectNext(false).verifyComplete();
        StepVerifier.create(store.find("alice")).verifyComplete();
    }

    @Test
    void consumeRecoveryCodeWhenPresentThenTrueOnceAndGone() {
        store.save(factors("alice", 100)).block();

        StepVerifier.create(store.consumeRecoveryCode("alice", CODE_A)).expectNext(true).verifyComplete();
        StepVerifier.create(store.consumeRecoveryCode("alice", CODE_A)).expectNext(false).verifyComplete();
        assertThat(store.find("alice").block().recoveryCodeHashes()).containsExactly(CODE_B);
    }

    @Test
    void consumeRecoveryCodeWhenOtherAccountsCodeOrNoAccountThenFalse() {
        store.save(factors("alice", 100)).block();

        StepVerifier.create(store.consumeRecoveryCode("alice", CODE_C)).expectNext(false).verifyComplete();
        StepVerifier.create(store.consumeRecoveryCode("bob", CODE_A)).expectNext(false).verifyComplete();
        assertThat(store.find("alice").block().recoveryCodeHashes()).containsExactlyInAnyOrder(CODE_A, CODE_B);
    }

    @Test
    void replaceRecoveryCodesWhenEnrolledThenOnlyNewCodesAndStepKept() {
        store.save(factors("alice", 100)).block();
        store.advanceTotpStep("alice", 120).block();

        StepVerifier.create(store.replaceRecoveryCodes("alice", Set.of(CODE_C))).expectNext(true).verifyComplete();

        EnrolledFactors after = store.find("alice").block();
        assertThat(after.recoveryCodeHashes()).containsExactly(CODE_C);
        assertThat(after.lastTotpStep()).isEqualTo(120);
    }

    @Test
    void replaceRecoveryCodesWhenNotEnrolledThenFalseAndNothingCreated() {
        StepVerifier.create(store.replaceRecoveryCodes("alice", Set.of(CODE_C))).expectNext(false).verifyComplete();
        StepVerifier.create(store.find("alice")).verifyComplete();
    }

    @Test
    void deleteWhenEnrolledThenGone() {
        store.save(factors("alice", 100)).block();
        store.save(factors("bob", 100)).block();

        StepVerifier.create(store.delete("alice")).verifyComplete();

        StepVerifier.create(store.find("alice")).verifyComplete();
        StepVerifier.create(store.find("bob")).expectNextCount(1).verifyComplete();
    }

    @Test
    void advanceTotpStepWhenManyThreadsRaceForOneStepThenExactlyOneWins() throws Exception {
        store.save(factors("alice", 100)).block();
        for (long step = 101; step <= 150; step++) {
            long target = step;
            assertThat(race(8, () -> store.advanceTotpStep("alice", target).block())).as("step %d", step)
                    .containsOnlyOnce(true);
        }
    }

    @Test
    void consumeRecoveryCodeWhenManyThreadsRaceForOneCodeThenExactlyOneWins() throws Exception {
        for (int round = 0; round < 50; round++) {
            store.save(factors("alice", 100)).block();
            assertThat(race(8, () -> store.consumeRecoveryCode("alice", CODE_A).block())).as("round %d", round)
                    .containsOnlyOnce(true);
        }
    }

    /** Runs the task on that many threads released together; returns each thread's answer. */
    static <T> List<T> race(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(10, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static EnrolledFactors factors(String account, long step) {
        String sealed = TestKeys.ring("k1").seal(account, new byte[20]);
        return new EnrolledFactors(account, sealed, step, Set.of(CODE_A, CODE_B), Instant.parse("2026-11-02T10:00:00Z"));
    }
}
