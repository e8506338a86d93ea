package io.registryguard.gateway.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Campaign B, the 2024 incident: a leaked list of username/password pairs tried low and slow from hundreds of
 * addresses (most in /24s of their own, some packed together), one to three tries each, spread over hours. A share
 * of the pairs is right, for dormant accounts without a factor; on those the attacker has a code emailed to the
 * victim and guesses it, hoping to enroll its own factor.
 */
final class StuffingCampaign {

    private static final Duration START = Duration.ofHours(6);
    private static final int ADDRESSES_PER_CLUSTER = 25;

    private StuffingCampaign() {
    }

    static void schedule(EventSchedule schedule, SimulationParameters parameters, Population population,
            Addresses addresses, Random random, SimulationContext context) {
        List<ClientProfile> attackers = attackers(parameters, addresses, random);
        int[] tries = new int[attackers.size()];
        int total = 0;
        for (int i = 0; i < tries.length; i++) {
            tries[i] = 1 + random.nextInt(3);
            total += tries[i];
        }
        List<String[]> pairs = leakedPairs(parameters, population, random, total);
        Instant windowStart = parameters.attackStart().plus(START);
        int window = parameters.stuffingHours() * 3600;
        int next = 0;
        for (int i = 0; i < attackers.size(); i++) {
            SimBrowser browser = context.browsers().open(attackers.get(i), Populations.STUFFING);
            int second = random.nextInt(window);
            for (int t = 0; t < tries[i]; t++) {
                String[] pair = pairs.get(next++);
                schedule.at(windowStart.plusSeconds(second), browser, () -> BruteForceCampaign.attempt(context,
                        Populations.STUFFING, browser, pair[0], pair[1]));
                second += 20 * 60 + random.nextInt(70 * 60); // low and slow: 20 to 90 minutes apart
            }
        }
    }

    private static List<ClientProfile> attackers(SimulationParameters parameters, Addresses addresses,
            Random random) {
        int clustered = (int) Math.round(parameters.stuffingAddresses() * parameters.stuffingClusteredShare());
        List<String> clusters = new ArrayList<>();
        for (int i = 0; i < Math.max(1, (clustered + ADDRESSES_PER_CLUSTER - 1) / ADDRESSES_PER_CLUSTER); i++) {
            clusters.add(addresses.hostingSubnet());
        }
        List<ClientProfile> out = new ArrayList<>();
        for (int i = 0; i < parameters.stuffingAddresses(); i++) {
            String address = i < clustered ? addresses.host(clusters.get(i % clusters.size()))
                    : addresses.host(addresses.hostingSubnet());
            boolean scripted = random.nextDouble() < parameters.stuffingScriptedShare();
            out.add(scripted ? new ClientProfile(address, UserAgents.scripted(random), "", false)
                    : new ClientProfile(address, UserAgents.browser(random), UserAgents.language(random), true));
        }
        return out;
    }

    /** {@code total} pairs: the right share correct for dormant accounts (each once), the rest wrong or unknown. */
    private static List<String[]> leakedPairs(SimulationParameters parameters, Population population, Random random,
            int total) {
        List<SimAccount> dormant = new ArrayList<>(TakeoverCampaign.notVictims(parameters, population));
        Collections.shuffle(dormant, random);
        int correct = Math.min(dormant.size(), (int) Math.round(total * parameters.stuffingCorrectShare()));
        List<SimAccount> accounts = population.allAccounts();
        List<String[]> pairs = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            if (i < correct) {
                pairs.add(new String[] {dormant.get(i).username(), dormant.get(i).password()});
            } else if (random.nextBoolean()) {
                pairs.add(new String[] {accounts.get(random.nextInt(accounts.size())).username(),
                        Population.password(random)});
            } else {
                pairs.add(new String[] {"leak" + random.nextInt(1_000_000), Population.password(random)});
            }
        }
        Collections.shuffle(pairs, random);
        return pairs;
    }
}
