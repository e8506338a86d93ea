package io.registryguard.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class RecoveryCodeVerificationTests {

    private static final VerificationResult RECOVERY = VerificationResult.acceptedBy(FactorMethod.RECOVERY_CODE);
    private static final VerificationResult REFUSED = VerificationResult.refused();

    private final ServiceFixture fixture = new ServiceFixture();
    private final SecondFactorService service = fixture.service;
    private final ServiceFixture.Enrollment alice = fixture.enroll("alice");

    @Test
    void verifyWhenRecoveryCodeThenAcceptedOnce() {
        String code = alice.recoveryCodes().get(0);

        assertThat(fixture.verify("alice", code)).isEqualTo(RECOVERY);
        assertThat(fixture.verify("alice", code)).isEqualTo(REFUSED);
        assertThat(RECOVERY.method()).map(FactorMethod::amr).hasValue("recovery-code");
        assertThat(fixture.store.find("alice").block().recoveryCodeHashes()).hasSize(9);
    }

    @Test
    void verifyWhenRecoveryCodeWithoutDashesInCapitalsOrSpacedThenAccepted() {
        List<String> codes = alice.recoveryCodes();

        assertThat(fixture.verify("alice", codes.get(1).replace("-", ""))).isEqualTo(RECOVERY);
        assertThat(fixture.verify("alice", codes.get(2).toUpperCase(Locale.ROOT))).isEqualTo(RECOVERY);
        assertThat(fixture.verify("alice", " " + codes.get(3).replace("-", " ") + " ")).isEqualTo(RECOVERY);
        assertThat(fixture.verify("alice", codes.get(2))).as("a variant used the code up").isEqualTo(REFUSED);
    }

    @Test
    void verifyWhenRecoveryCodeWrongThenRefusedAndNoneConsumed() {
        String real = alice.recoveryCodes().get(0);
        String wrong = real.substring(0, 18) + (real.charAt(18) == 'a' ? 'b' : 'a');

        assertThat(fixture.verify("alice", wrong)).isEqualTo(REFUSED);
        assertThat(fixture.verify("alice", "abcd-efgh-ijkl-mnop")).isEqualTo(REFUSED);
        assertThat(fixture.store.find("alice").block().recoveryCodeHashes()).hasSize(10);
        assertThat(fixture.verify("alice", real)).isEqualTo(RECOVERY);
    }

    @Test
    void verifyWhenAnotherAccountsRecoveryCodeThenRefused() {
        ServiceFixture.Enrollment bob = fixture.enroll("bob");

        assertThat(fixture.verify("alice", bob.recoveryCodes().get(0))).isEqualTo(REFUSED);
        assertThat(fixture.verify("bob", bob.recoveryCodes().get(0))).isEqualTo(RECOVERY);
    }

    @Test
    void regenerateRecoveryCodesWhenCalledThenOldCodesRefusedAndNewAccepted() {
        RecoveryCodes fresh = service.regenerateRecoveryCodes("alice").block();

        assertThat(fresh.codes()).hasSize(10).doesNotContainAnyElementsOf(alice.recoveryCodes());
        for (String old : alice.recoveryCodes()) {
            assertThat(fixture.verify("alice", old)).isEqualTo(REFUSED);
        }
        assertThat(fixture.verify("alice", fresh.codes().get(0))).isEqualTo(RECOVERY);
    }

    @Test
    void regenerateRecoveryCodesWhenAfterTotpUseThenUsedCodeStaysRefused() {
        String code = fixture.code(alice.secret(), 0);
        assertThat(fixture.verify("alice", code).accepted()).isTrue();

        service.regenerateRecoveryCodes("alice").block();

        assertThat(fixture.verify("alice", code)).isEqualTo(REFUSED);
    }

    @Test
    void regenerateRecoveryCodesWhenNoFactorThenEmptyAndNothingCreated() {
        StepVerifier.create(service.regenerateRecoveryCodes("nobody")).verifyComplete();
        StepVerifier.create(service.hasFactor("nobody")).expectNext(false).verifyComplete();
    }

    @Test
    void resetWhenCalledThenNoFactorAndNothingAccepted() {
        StepVerifier.create(service.hasFactor("alice")).expectNext(true).verifyComplete();

        StepVerifier.create(service.reset("alice")).verifyComplete();

        StepVerifier.create(service.hasFactor("alice")).expectNext(false).verifyComplete();
        assertThat(fixture.verify("alice", fixture.code(alice.secret(), 0))).isEqualTo(REFUSED);
        assertThat(fixture.verify("alice", alice.recoveryCodes().get(0))).isEqualTo(REFUSED);
    }
}
