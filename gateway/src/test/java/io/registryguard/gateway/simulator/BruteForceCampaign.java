package io.registryguard.gateway.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Campaign A, the attacks per-address counters were made for: one address guessing many passwords on a few
 * accounts (the right one somewhere in its list for the first), and one address spraying a common password over
 * many usernames, real and made up. Both scripted, both fast.
 */
final class BruteForceCampaign {

    static final String SPRAYED_PASSWORD = "Spring2024!";
    private static final Duration BRUTE_FORCE_START = Duration.ofHours(2);
    private static final Duration SPRAY_START = Duration.ofHours(4);

    private BruteForceCampaign() {
    }

    static void schedule(EventSchedule schedule, SimulationParameters parameters, Population population,
            Addresses addresses, Random random, SimulationContext context) {
        bruteForce(schedule, parameters, population, addresses, random, context);
        spray(schedule, parameters, population, addresses, random, context);
    }

    private static void bruteForce(EventSchedule schedule, SimulationParameters parameters, Population population,
            Addresses addresses, Random random, SimulationContext context) {
        List<LegitUser> users = new ArrayList<>(population.legit());
        Collections.shuffle(users, random);
        List<SimAccount> targets = users.subList(0, parameters.bruteForceAccounts()).stream()
                .map(LegitUser::account).toList();
        SimBrowser browser = context.browsers().open(scripted(addresses, random), Populations.BRUTE_FORCE);
        Instant at = parameters.attackStart().plus(BRUTE_FORCE_START);
        int found = parameters.bruteForcePasswords() * 3 / 4;
        for (int i = 0; i < parameters.bruteForcePasswords(); i++) {
            for (SimAccount target : targets) {
                String password = i == found && target == targets.get(0) ? target.password()
                        : Population.password(random);
                schedule.at(at, browser, () -> attempt(context, Populations.BRUTE_FORCE, browser, target.username(),
                        password));
                at = at.plusSeconds(2);
            }
        }
    }

    private static void spray(EventSchedule schedule, SimulationParameters parameters, Population population,
            Addresses addresses, Random random, SimulationContext context) {
        List<SimAccount> accounts = population.allAccounts();
        SimBrowser browser = context.browsers().open(scripted(addresses, random), Populations.SPRAY);
        Instant at = parameters.attackStart().plus(SPRAY_START);
        for (int i = 0; i < parameters.sprayUsernames(); i++) {
            String username = random.nextDouble() < 0.7 ? accounts.get(random.nextInt(accounts.size())).username()
                    : "leak" + random.nextInt(1_000_000);
            schedule.at(at, browser, () -> attempt(context, Populations.SPRAY, browser, username, SPRAYED_PASSWORD));
            at = at.plusSeconds(3);
        }
    }

    private static ClientProfile scripted(Addresses addresses, Random random) {
        return new ClientProfile(addresses.host(addresses.hostingSubnet()), UserAgents.scripted(random), "", false);
    }

    static void attempt(SimulationContext context, String population, SimBrowser browser, String username,
            String password) {
        context.guarded(population, "attempt on " + username, () -> {
            context.login(population, browser, username, password, new GuessingSolver(context.clock(), 5, 3),
                    record -> { });
            browser.endSession();
        });
    }
}
