package io.registryguard.gateway.simulator;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * IPv4 addresses that look like where they come from: home users in consumer ISP ranges (several per /24), phones
 * behind a carrier, attackers in hosting and VPN ranges. The two worlds never share a /24.
 */
final class Addresses {

    private static final List<Integer> RESIDENTIAL = List.of(24, 50, 67, 68, 69, 71, 73, 75, 76, 82, 86, 90, 92,
            98, 99, 108, 174);
    private static final List<Integer> HOSTING = List.of(5, 23, 37, 45, 46, 62, 77, 80, 89, 91, 103, 109, 141,
            176, 185, 193, 194, 195, 212);

    private final Random random;
    private final Set<String> usedSubnets = new HashSet<>();

    Addresses(Random random) {
        this.random = random;
    }

    /** A fresh /24 of a consumer ISP, as {@code "a.b.c"}. */
    String residentialSubnet() {
        return freshSubnet(RESIDENTIAL);
    }

    /** A fresh /24 of a hosting or VPN provider. */
    String hostingSubnet() {
        return freshSubnet(HOSTING);
    }

    /** A phone on a carrier network (its own /24, not one the population uses). */
    String mobileAddress() {
        String subnet;
        do {
            subnet = "172." + (56 + random.nextInt(3)) + "." + random.nextInt(256);
        } while (!usedSubnets.add(subnet));
        return host(subnet);
    }

    String host(String subnet) {
        return subnet + "." + (2 + random.nextInt(252));
    }

    private String freshSubnet(List<Integer> firstOctets) {
        String subnet;
        do {
            subnet = firstOctets.get(random.nextInt(firstOctets.size())) + "." + random.nextInt(256) + "."
                    + random.nextInt(256);
        } while (!usedSubnets.add(subnet));
        return subnet;
    }
}
