package io.registryguard.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class SecondFactorServiceTests {

    private static final VerificationResult OTP = VerificationResult.acceptedBy(FactorMethod.TOTP);
    private static final VerificationResult REFUSED = VerificationResult.refused();

    private final ServiceFixture fixture = new ServiceFixture();
    private final SecondFactorService service = fixture.service;

    @Test
    void enrollTotpWhenCalledThenUriAndQrCarryTheSecretAndNothingIsStored() throws Exception {
        TotpProvisioning provisioning = service.enrollTotp("alice");

        assertThat(provisioning.otpauthUri()).isEqualTo("otpauth://totp/registry-guard:alice?secret="
                + provisioning.secret().base32() + "&issuer=registry-guard&algorithm=SHA1&digits=6&period=30");
        assertThat(QrCodeSvgTests.modules(provisioning.qrCodeSvg())).isEqualTo(QrCodeSvg.encode(provisioning.otpauthUri()));
        assertThat(service.enrollTotp("alice").secret()).isNotEqualTo(provisioning.secret());
        StepVerifier.create(service.hasFactor("alice")).expectNext(false).verifyComplete();
    }

    @Test
    void confirmTotpWhenCodeMatchesThenTenRecoveryCodesAndFactorStoredSealed() {
        TotpSecret secret = service.enrollTotp("alice").secret();

        RecoveryCodes codes = service.confirmTotp("alice", secret, fixture.code(secret, 0)).block();

        assertThat(codes.codes()).hasSize(10);
        EnrolledFactors stored = fixture.store.find("alice").block();
        assertThat(stored.encryptedTotpSecret()).startsWith("v1.2026-11.").doesNotContain(secret.base32());
        assertThat(fixture.ring.open("alice", stored.encryptedTotpSecret())).isEqualTo(secret.bytes());
        assertThat(stored.lastTotpStep()).isEqualTo(Totp.step(ServiceFixture.START));
        assertThat(stored.recoveryCodeHashes()).isEqualTo(codes.hashes());
        assertThat(stored.enrolledAt()).isEqualTo(ServiceFixture.START);
    }

    @Test
    void confirmTotpWhenCodeWrongThenEmptyAndNothingStored() {
        TotpSecret secret = service.enrollTotp("alice").secret();

        StepVerifier.create(service.confirmTotp("alice", secret, fixture.code(secret, 2))).verifyComplete();
        StepVerifier.create(service.confirmTotp("alice", secret, "not a code")).verifyComplete();
        StepVerifier.create(service.hasFactor("alice")).expectNext(false).verifyComplete();
    }

    @Test
    void verifyWhenConfirmationCodeReplayedThenRefused() {
        TotpSecret secret = service.enrollTotp("alice").secret();
        String code = fixture.code(secret, 0);
        service.confirmTotp("alice", secret, code).block();

        assertThat(fixture.verify("alice", code)).isEqualTo(REFUSED);
    }

    @Test
    void verifyWhenCodeFromOneStepEitherSideThenAcceptedAsOtp() {
        TotpSecret secret = fixture.enroll("alice").secret();

        assertThat(fixture.verify("alice", fixture.code(secret, -1))).isEqualTo(OTP);
        assertThat(fixture.verify("alice", fixture.code(secret, 0))).isEqualTo(OTP);
        assertThat(fixture.verify("alice", fixture.code(secret, 1))).isEqualTo(OTP);
        assertThat(OTP.method()).map(FactorMethod::amr).hasValue("otp");
    }

    @Test
    void verifyWhenCodeTwoStepsAwayThenRefused() {
        TotpSecret secret = fixture.enroll("alice").secret();

        assertThat(fixture.verify("alice", fixture.code(secret, -2))).isEqualTo(REFUSED);
        assertThat(fixture.verify("alice", fixture.code(secret, 2))).isEqualTo(REFUSED);
        assertThat(fixture.verify("alice", fixture.code(secret, 0))).as("still usable").isEqualTo(OTP);
    }

    @Test
    void verifyWhenCodeReusedThenRefused() {
        TotpSecret secret = fixture.enroll("alice").secret();
        String code = fixture.code(secret, 0);

        assertThat(fixture.verify("alice", code)).isEqualTo(OTP);
        assertThat(fixture.verify("alice", code)).isEqualTo(REFUSED);
        fixture.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        assertThat(fixture.verify("alice", code)).as("still inside the window a step later").isEqualTo(REFUSED);
    }

    @Test
    void verifyWhenOlderStepAfterNewerThenRefused() {
        TotpSecret secret = fixture.enroll("alice").secret();
        String previous = fixture.code(secret, -1);
        String current = fixture.code(secret, 0);

        assertThat(fixture.verify("alice", fixture.code(secret, 1))).isEqualTo(OTP);

        assertThat(fixture.verify("alice", current)).isEqualTo(REFUSED);
        assertThat(fixture.verify("alice", previous)).isEqualTo(REFUSED);
    }

    @Test
    void verifyWhenNextStepComesThenItsCodeAccepted() {
        TotpSecret secret = fixture.enroll("alice").secret();
        assertThat(fixture.verify("alice", fixture.code(secret, 0))).isEqualTo(OTP);

        fixture.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));

        assertThat(fixture.verify("alice", fixture.code(secret, 0))).isEqualTo(OTP);
    }

    @Test
    void verifyWhenCodeTypedWithSpaceThenAccepted() {
        TotpSecret secret = fixture.enroll("alice").secret();
        String code = fixture.code(secret, 0);

        assertThat(fixture.verify("alice", code.substring(0, 3) + " " + code.substring(3))).isEqualTo(OTP);
    }

    @Test
    void verifyWhenAnotherAccountsCodeThenRefused() {
        TotpSecret alice = fixture.enroll("alice").secret();
        fixture.enroll("bob");

        assertThat(fixture.verify("bob", fixture.code(alice, 0))).isEqualTo(REFUSED);
    }

    @Test
    void verifyWhenNoFactorOrNotACodeThenRefusedAlike() {
        fixture.enroll("alice");

        assertThat(fixture.verify("nobody", "123456")).isEqualTo(REFUSED);
        assertThat(fixture.verify("nobody", "abcd-efgh-ijkl-mnop")).isEqualTo(REFUSED);
        assertThat(fixture.verify("alice", null)).isEqualTo(REFUSED);
        assertThat(fixture.verify("alice", "")).isEqualTo(REFUSED);
        assertThat(fixture.verify("alice", "12345")).isEqualTo(REFUSED);
        assertThat(fixture.verify("alice", "1".repeat(10_000))).isEqualTo(REFUSED);
        assertThat(REFUSED.accepted()).isFalse();
        assertThat(REFUSED.method()).isEmpty();
    }

    @Test
    void confirmTotpWhenAlreadyEnrolledThenOldSecretAndCodesReplaced() {
        ServiceFixture.Enrollment old = fixture.enroll("alice");

        ServiceFixture.Enrollment renewed = fixture.enroll("alice");

        assertThat(fixture.verify("alice", fixture.code(old.secret(), 0))).isEqualTo(REFUSED);
        assertThat(fixture.verify("alice", old.recoveryCodes().get(0))).isEqualTo(REFUSED);
        assertThat(fixture.verify("alice", fixture.code(renewed.secret(), 0))).isEqualTo(OTP);
    }

    @Test
    void verifyWhenSealedWithOldPrimaryAfterRotationThenAccepted() {
        TotpSecret secret = fixture.enroll("alice").secret();
        var rotated = new SecondFactorService(fixture.store, TestKeys.ring("2027-05", "2026-11"), "registry-guard", fixture.clock);

        StepVerifier.create(rotated.verify("alice", fixture.code(secret, 0))).expectNext(OTP).verifyComplete();
    }

    @Test
    void verifyWhenSealingKeyRemovedFromRingThenErrorNamesTheKeyId() {
        TotpSecret secret = fixture.enroll("alice").secret();
        var withoutKey = new SecondFactorService(fixture.store, TestKeys.ring("2027-05"), "registry-guard", fixture.clock);

        StepVerifier.create(withoutKey.verify("alice", fixture.code(secret, 0)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FactorDecryptionException.class)
                        .hasMessageContaining("'2026-11'"))
                .verify();
    }

    @Test
    void newWhenIssuerHasColonOrIsBlankThenRefused() {
        var store = new InMemoryFactorStore();
        assertThatIllegalArgumentException().isThrownBy(() -> new SecondFactorService(store, fixture.ring, "a:b", fixture.clock));
        assertThatIllegalArgumentException().isThrownBy(() -> new SecondFactorService(store, fixture.ring, " ", fixture.clock));
    }

    @Test
    void toStringWhenProvisioningHeldThenSecretUriAndSvgNotShown() {
        TotpProvisioning provisioning = service.enrollTotp("alice");
        String base32 = provisioning.secret().base32();

        assertThat(provisioning.toString()).isEqualTo("TotpProvisioning[redacted]").doesNotContain(base32);
        assertThat(provisioning.secret().toString()).isEqualTo("TotpSecret[redacted]").doesNotContain(base32);
        assertThat(provisioning.otpauthUri()).contains(base32);
    }
}
