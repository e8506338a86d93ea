package io.registryguard.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import io.registryguard.testsupport.Race;
import reactor.test.StepVerifier;

/**
 * What every {@link FactorStore} does, run against each implementation so they behave alike. Accounts are
 * random per test, so a shared Redis needs no cleaning.
 */
abstract class FactorStoreContract {

    static final String CODE_A = RecoveryCodeHash.of("aaaa-bbbb-cccc-dddd").orElseThrow();
    static final String CODE_B = RecoveryCodeHash.of("eeee-ffff-gggg-hhhh").orElseThrow();
    static final String CODE_C = RecoveryCodeHash.of("kkkk-mmmm-nnnn-pppp").orElseThrow();
    static final int RACERS = 20;

    final String alice = "alice-" + UUID.randomUUID();
    final String bob = "bob-" + UUID.randomUUID();

    /** The store under test; the same instance for the whole test. */
    abstract FactorStore store();

    private final Map<String, String> sealed = new ConcurrentHashMap<>();

    /** Sealing draws a random nonce: one sealed secret per account, so two calls give equal factors. */
    EnrolledFactors factors(String account, long step, Set<String> codes) {
        String secret = sealed.computeIfAbsent(account, a -> TestKeys.ring("k1").seal(a, new byte[20]));
        // Nanoseconds, as clock.instant() gives them: a store must not round them away.
        return new EnrolledFactors(account, secret, step, codes, Instant.parse("2026-11-02T10:00:00.123456789Z"));
    }

    EnrolledFactors factors(String account, long step) {
        return factors(account, step, Set.of(CODE_A, CODE_B));
    }

    private EnrolledFactors find(String account) {
        return store().find(account).block();
    }

    @Test
    void findWhenNothingSavedThenEmpty() {
        StepVerifier.create(store().find(alice)).verifyComplete();
    }

    @Test
    void saveWhenFoundThenEqualFactors() {
        EnrolledFactors saved = factors(alice, 100);
        store().save(saved).block();

        StepVerifier.create(store().find(alice)).expectNext(saved).verifyComplete();
        StepVerifier.create(store().find(bob)).verifyComplete();
    }

    @Test
    void saveWhenNoRecoveryCodesThenFoundWithNone() {
        store().save(factors(alice, 7, Set.of())).block();

        assertThat(find(alice).recoveryCodeHashes()).isEmpty();
        assertThat(find(alice).lastTotpStep()).isEqualTo(7);
    }

    @Test
    void saveWhenSavedBeforeThenEverythingReplaced() {
        store().save(factors(alice, 100)).block();
        EnrolledFactors again = factors(alice, 3, Set.of(CODE_C));

        store().save(again).block();

        assertThat(find(alice)).isEqualTo(again);
    }

    @Test
    void advanceTotpStepWhenGreaterThenTrueAndStoredOtherwiseFalse() {
        store().save(factors(alice, 100)).block();

        StepVerifier.create(store().advanceTotpStep(alice, 100)).expectNext(false).verifyComplete();
        StepVerifier.create(store().advanceTotpStep(alice, 99)).expectNext(false).verifyComplete();
        StepVerifier.create(store().advanceTotpStep(alice, 101)).expectNext(true).verifyComplete();
        StepVerifier.create(store().advanceTotpStep(alice, 101)).expectNext(false).verifyComplete();
        assertThat(find(alice).lastTotpStep()).isEqualTo(101);
    }

    @Test
    void advanceTotpStepWhenStepsHaveDifferentDigitCountsThenComparedAsNumbers() {
        store().save(factors(alice, 99)).block();

        assertThat(store().advanceTotpStep(alice, 100).block()).isTrue();
        assertThat(store().advanceTotpStep(alice, 99).block()).as("99 < 100 though '99' > '100'").isFalse();
        assertThat(store().advanceTotpStep(alice, 1_000).block()).isTrue();
        assertThat(store().advanceTotpStep(alice, Long.MAX_VALUE).block()).isTrue();
        assertThat(store().advanceTotpStep(alice, Long.MAX_VALUE - 1).block()).isFalse();
        assertThat(find(alice).lastTotpStep()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void advanceTotpStepWhenNegativeThenFalse() {
        store().save(factors(alice, 0)).block();

        StepVerifier.create(store().advanceTotpStep(alice, -1)).expectNext(false).verifyComplete();
        assertThat(find(alice).lastTotpStep()).isZero();
    }

    @Test
    void advanceTotpStepWhenNotEnrolledThenFalseAndNothingCreated() {
        StepVerifier.create(store().advanceTotpStep(alice, 5)).expectNext(false).verifyComplete();
        StepVerifier.create(store().find(alice)).verifyComplete();
    }

    @Test
    void consumeRecoveryCodeWhenPresentThenTrueOnceAndGone() {
        store().save(factors(alice, 100)).block();

        StepVerifier.create(store().consumeRecoveryCode(alice, CODE_A)).expectNext(true).verifyComplete();
        StepVerifier.create(store().consumeRecoveryCode(alice, CODE_A)).expectNext(false).verifyComplete();
        assertThat(find(alice).recoveryCodeHashes()).containsExactly(CODE_B);
    }

    @Test
    void consumeRecoveryCodeWhenOtherAccountsCodeOrNoAccountThenFalse() {
        store().save(factors(alice, 100)).block();

        StepVerifier.create(store().consumeRecoveryCode(alice, CODE_C)).expectNext(false).verifyComplete();
        StepVerifier.create(store().consumeRecoveryCode(bob, CODE_A)).expectNext(false).verifyComplete();
        assertThat(find(alice).recoveryCodeHashes()).containsExactlyInAnyOrder(CODE_A, CODE_B);
    }

    @Test
    void replaceRecoveryCodesWhenEnrolledThenOnlyNewCodesAndStepKept() {
        store().save(factors(alice, 100)).block();
        store().advanceTotpStep(alice, 120).block();

        StepVerifier.create(store().replaceRecoveryCodes(alice, Set.of(CODE_C))).expectNext(true).verifyComplete();

        EnrolledFactors after = find(alice);
        assertThat(after.recoveryCodeHashes()).containsExactly(CODE_C);
        assertThat(after.lastTotpStep()).isEqualTo(120);
        assertThat(after.encryptedTotpSecret()).isEqualTo(factors(alice, 100).encryptedTotpSecret());
    }

    @Test
    void replaceRecoveryCodesWhenEmptyThenNoneLeft() {
        store().save(factors(alice, 100)).block();

        StepVerifier.create(store().replaceRecoveryCodes(alice, Set.of())).expectNext(true).verifyComplete();

        assertThat(find(alice).recoveryCodeHashes()).isEmpty();
    }

    @Test
    void replaceRecoveryCodesWhenNotAHashThenErrorAndCodesKept() {
        store().save(factors(alice, 100)).block();

        StepVerifier.create(store().replaceRecoveryCodes(alice, Set.of("not-a-hash")))
                .verifyError(IllegalArgumentException.class);
        assertThat(find(alice).recoveryCodeHashes()).containsExactlyInAnyOrder(CODE_A, CODE_B);
    }

    @Test
    void replaceRecoveryCodesWhenNotEnrolledThenFalseAndNothingCreated() {
        StepVerifier.create(store().replaceRecoveryCodes(alice, Set.of(CODE_C))).expectNext(false).verifyComplete();
        StepVerifier.create(store().find(alice)).verifyComplete();
        StepVerifier.create(store().consumeRecoveryCode(alice, CODE_C)).expectNext(false).verifyComplete();
    }

    @Test
    void deleteWhenEnrolledThenGoneAndOthersKept() {
        store().save(factors(alice, 100)).block();
        store().save(factors(bob, 100)).block();

        StepVerifier.create(store().delete(alice)).verifyComplete();

        StepVerifier.create(store().find(alice)).verifyComplete();
        StepVerifier.create(store().consumeRecoveryCode(alice, CODE_A)).expectNext(false).verifyComplete();
        assertThat(find(bob)).isEqualTo(factors(bob, 100));
    }

    @Test
    void deleteWhenNothingSavedThenCompletes() {
        StepVerifier.create(store().delete(alice)).verifyComplete();
        StepVerifier.create(store().find(alice)).verifyComplete();
    }

    @Test
    void advanceTotpStepWhenTwentyRaceForOneStepThenExactlyOneWins() throws Exception {
        store().save(factors(alice, 100)).block();
        for (long step = 101; step <= 110; step++) {
            long target = step;
            List<Boolean> advanced = Race.of(RACERS,
                    () -> store().advanceTotpStep(alice, target).block());
            assertThat(advanced).as("step %d", step).hasSize(RACERS).containsOnlyOnce(true);
        }
        assertThat(find(alice).lastTotpStep()).isEqualTo(110);
    }

    @Test
    void consumeRecoveryCodeWhenTwentyRaceForOneCodeThenExactlyOneWins() throws Exception {
        for (int round = 0; round < 10; round++) {
            store().save(factors(alice, 100)).block();
            List<Boolean> consumed = Race.of(RACERS,
                    () -> store().consumeRecoveryCode(alice, CODE_A).block());
            assertThat(consumed).as("round %d", round).hasSize(RACERS).containsOnlyOnce(true);
        }
        assertThat(find(alice).recoveryCodeHashes()).containsExactly(CODE_B);
    }
}
