package io.registryguard.gateway.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import io.registryguard.testsupport.MutableClock;

/**
 * The past of the dormant accounts: each owner last signed in long before the simulation, from home, and left at
 * the gateway's email step without enrolling a factor. So the gateway has seen these accounts (a last login, a
 * subnet, a browser) but they have no factor: the accounts the 2024 attackers found in their leaks.
 */
final class DormantHistory {

    private DormantHistory() {
    }

    static void play(List<SimAccount> dormant, SimulationParameters parameters, Browsers browsers,
            Addresses addresses, Random random, MutableClock clock) {
        if (parameters.dormantLastLoginDays() == 0) {
            return;
        }
        clock.set(parameters.start().minus(Duration.ofDays(parameters.dormantLastLoginDays())));
        for (SimAccount account : dormant) {
            clock.advance(Duration.ofSeconds(1 + random.nextInt(60)));
            ClientProfile home = new ClientProfile(addresses.host(addresses.residentialSubnet()),
                    UserAgents.browser(random), UserAgents.language(random), true);
            SimBrowser browser = browsers.open(home, "dormant-history");
            Answer login = browser.post(LoginFlow.LOGIN, "username", account.username(), "password",
                    account.password());
            if (!login.redirectsTo(TwoFactorWalk.CODE)) {
                throw new IllegalStateException("the old login of " + account.username() + " was answered "
                        + login.status() + ", not sent to the second factor");
            }
            browser.get(login.location().orElseThrow()); // the email step, which the owner never finished
        }
    }
}
