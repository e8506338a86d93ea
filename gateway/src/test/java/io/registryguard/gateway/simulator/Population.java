package io.registryguard.gateway.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The registry's accounts: active users, each with a factor, a home address and a browser (several share a /24,
 * as neighbours on one ISP do), and dormant accounts without a factor, the ones the 2024 attackers found in leaks.
 */
final class Population {

    private final List<LegitUser> legit;
    private final List<SimAccount> dormant;

    private Population(List<LegitUser> legit, List<SimAccount> dormant) {
        this.legit = List.copyOf(legit);
        this.dormant = List.copyOf(dormant);
    }

    static Population generate(SimulationParameters parameters, Random random, Addresses addresses) {
        List<String> homeSubnets = new ArrayList<>();
        int subnetCount = Math.max(1, parameters.users() / 3);
        for (int i = 0; i < subnetCount; i++) {
            homeSubnets.add(addresses.residentialSubnet());
        }
        List<LegitUser> legit = new ArrayList<>(parameters.users());
        for (int i = 0; i < parameters.users(); i++) {
            SimAccount account = SimAccount.named(String.format("user%05d", i), password(random));
            String subnet = homeSubnets.get(random.nextInt(homeSubnets.size()));
            ClientProfile home = new ClientProfile(addresses.host(subnet), UserAgents.browser(random),
                    UserAgents.language(random), true);
            legit.add(new LegitUser(account, home));
        }
        List<SimAccount> dormant = new ArrayList<>(parameters.dormantAccounts());
        for (int i = 0; i < parameters.dormantAccounts(); i++) {
            dormant.add(SimAccount.named(String.format("old%05d", i), password(random)));
        }
        return new Population(legit, dormant);
    }

    List<LegitUser> legit() {
        return legit;
    }

    /** Accounts without a factor, not logged into for a long time. */
    List<SimAccount> dormant() {
        return dormant;
    }

    List<SimAccount> allAccounts() {
        return Stream.concat(legit.stream().map(LegitUser::account), dormant.stream()).toList();
    }

    /** A password as a password manager would make it (the leaked ones were reused, which the simulation skips). */
    static String password(Random random) {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder out = new StringBuilder(14);
        for (int i = 0; i < 14; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** The password with its last character mistyped. */
    static String typo(String password) {
        char last = password.charAt(password.length() - 1);
        return password.substring(0, password.length() - 1) + (last == 'x' ? 'y' : 'x');
    }
}
