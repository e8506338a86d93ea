package io.registryguard.gateway.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * The legitimate population: every user logs in once or twice a simulated day, from home, through the whole second
 * factor. A few mistype their password first; a few come from a new device (a new browser at home, the laptop on
 * the road, or a phone on a carrier network).
 */
final class LegitimateTraffic {

    private static final int DAY = 86_400;
    private static final int MIN_GAP = 600;

    private LegitimateTraffic() {
    }

    static void schedule(EventSchedule schedule, SimulationParameters parameters, Population population,
            Addresses addresses, Random random, SimulationContext context) {
        for (int day = 0; day < parameters.days(); day++) {
            Instant midnight = parameters.start().plus(Duration.ofDays(day));
            for (LegitUser user : population.legit()) {
                int first = random.nextInt(DAY - MIN_GAP);
                int[] seconds = random.nextBoolean() ? new int[] {first}
                        : new int[] {first, first + MIN_GAP + random.nextInt(DAY - MIN_GAP - first)};
                for (int second : seconds) {
                    boolean typo = random.nextDouble() < parameters.typoRate();
                    Device device = random.nextDouble() < parameters.newDeviceRate()
                            ? newDevice(user, addresses, random) : Device.HOME;
                    schedule.at(midnight.plusSeconds(second), user, () -> context.guarded(Populations.LEGITIMATE,
                            "login of " + user.account().username(), () -> login(context, user, typo, device)));
                }
            }
        }
    }

    private static void login(SimulationContext context, LegitUser user, boolean typo, Device device) {
        SimBrowser browser = device.browser(user, context.browsers());
        browser.endSession();
        SimAccount account = user.account();
        PopulationStats stats = context.stats(Populations.LEGITIMATE);
        context.login(Populations.LEGITIMATE, browser, account.username(), account.password(),
                new UserSolver(user, context.clock(), context.mailbox()), record -> {
                    if (typo) {
                        context.flow().postPassword(browser, account.username(), Population.typo(account.password()),
                                record, stats);
                    }
                });
    }

    private static Device newDevice(LegitUser user, Addresses addresses, Random random) {
        double kind = random.nextDouble();
        if (kind < 0.5) {
            return new Device(user.home().withUserAgent(UserAgents.otherBrowser(random, user.home().userAgent())),
                    false);
        }
        if (kind < 0.75) {
            return new Device(user.home().withAddress(addresses.mobileAddress()), true);
        }
        return new Device(user.home().withAddress(addresses.mobileAddress())
                .withUserAgent(UserAgents.otherBrowser(random, user.home().userAgent())), false);
    }

    /**
     * Where a login comes from: the home browser ({@code profile} null), the home browser somewhere else (its
     * cookies travel with it), or another browser with an empty cookie jar.
     */
    private record Device(ClientProfile profile, boolean homeCookies) {

        static final Device HOME = new Device(null, true);

        SimBrowser browser(LegitUser user, Browsers browsers) {
            SimBrowser home = user.homeBrowser(browsers);
            if (profile == null) {
                return home;
            }
            return homeCookies ? home.elsewhere(profile) : browsers.open(profile, Populations.LEGITIMATE);
        }
    }
}
