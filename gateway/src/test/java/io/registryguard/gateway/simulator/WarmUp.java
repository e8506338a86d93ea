package io.registryguard.gateway.simulator;

import java.time.Duration;

import io.registryguard.gateway.support.Totps;
import io.registryguard.mfa.TotpProvisioning;
import io.registryguard.testsupport.MutableClock;

/**
 * Complete logins of a warm-up account before the measured run, so the JIT, the connection pools and the page
 * templates are warm and the first users' answers are not mistaken for throttling. Only successes: no failure
 * counter, no population's history is touched.
 */
final class WarmUp {

    static final SimAccount ACCOUNT = SimAccount.named("warmup-account", "warm-up-password-0");
    private static final int LOGINS = 20;

    private WarmUp() {
    }

    /** Runs before the simulation's start, on the clock an hour early; each login a TOTP step after the last. */
    static void run(SimulatedGateway gateway, Browsers browsers, MutableClock clock) {
        TotpProvisioning provisioning = gateway.factors().enrollTotp(ACCOUNT.username());
        String secret = provisioning.secret().base32();
        gateway.factors().confirmTotp(ACCOUNT.username(), provisioning.secret(), Totps.code(secret, clock.instant()))
                .blockOptional(Duration.ofSeconds(10))
                .orElseThrow(() -> new IllegalStateException("the gateway refused the warm-up factor"));
        SimBrowser browser = browsers.open(new ClientProfile("192.0.2.10", UserAgents.browser(new java.util.Random(1)),
                "en-US,en;q=0.9", true), "warm-up");
        for (int i = 0; i < LOGINS; i++) {
            clock.advance(Duration.ofSeconds(31));
            browser.endSession();
            Answer login = browser.post(LoginFlow.LOGIN, "username", ACCOUNT.username(), "password", ACCOUNT.password());
            Answer page = browser.get(login.location().orElseThrow(() -> new IllegalStateException(
                    "warm-up login answered " + login.status() + " without a Location")));
            Answer done = browser.post(TwoFactorWalk.CODE, "csrf", page.csrf().orElse(""), "code",
                    Totps.code(secret, clock.instant()));
            if (!done.setsCookie("session_id")) {
                throw new IllegalStateException("warm-up login " + i + " ended with " + done.status()
                        + " instead of a session: is the gateway working at all?");
            }
        }
    }
}
