package io.registryguard.mfa;

import io.registryguard.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A service on an in-memory store, a key ring and a clock the test moves. */
final class ServiceFixture {

    /** Ten seconds into a time step, so one step either side is unambiguous. */
    static final Instant START = Instant.parse("2026-11-02T10:00:10Z");

    final MutableClock clock = new MutableClock(START);
    final FactorStore store;
    final FactorKeyRing ring = TestKeys.ring("2026-11");
    final SecondFactorService service;

    ServiceFixture() {
        this(new InMemoryFactorStore());
    }

    ServiceFixture(FactorStore store) {
        this.store = store;
        this.service = new SecondFactorService(store, ring, "registry-guard", clock);
    }

    /** Enrolls and confirms, then moves the clock two steps on so the confirmation code is out of reach. */
    Enrollment enroll(String account) {
        TotpSecret secret = service.enrollTotp(account).secret();
        RecoveryCodes codes = service.confirmTotp(account, secret, code(secret, 0)).block();
        clock.advance(Duration.ofSeconds(2 * Totp.STEP_SECONDS));
        return new Enrollment(secret, codes.codes());
    }

    /** The code the user's app shows, that many steps from now. */
    String code(TotpSecret secret, int stepsFromNow) {
        return Totp.code(secret.bytes(), Totp.step(clock.instant()) + stepsFromNow, Totp.DIGITS);
    }

    VerificationResult verify(String account, String input) {
        return service.verify(account, input).block();
    }

    record Enrollment(TotpSecret secret, List<String> recoveryCodes) {
    }
}
