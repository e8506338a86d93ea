package io.registryguard.risk;

import java.time.Instant;
import java.util.Set;

/**
 * Where and with what an account logged in successfully before, as far as the guard has seen.
 *
 * @param lastLogin null when the guard has never seen this account log in
 */
public record AccountProfile(Set<String> subnets, Set<String> agentFamilies, Instant lastLogin) {

    public static final AccountProfile UNKNOWN = new AccountProfile(Set.of(), Set.of(), null);

    public AccountProfile {
        subnets = Set.copyOf(subnets);
        agentFamilies = Set.copyOf(agentFamilies);
    }

    public boolean known() {
        return lastLogin != null;
    }
}
