package io.registryguard.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.registryguard.policy.Limit;
import io.registryguard.policy.Policy;
import io.registryguard.policy.PolicyLoader;
import io.registryguard.policy.Rate;
import io.registryguard.policy.Subnets;

/** Limits and policies for tests, written the way the policy file reads. */
final class TestLimits {

    static final Policy WAREHOUSE = PolicyLoader.loadDefault();

    private TestLimits() {
    }

    /** e.g. {@code limit("per-ip", Limit.Key.IP, Limit.Counts.FAILURES, "login", "10 per 5m")} */
    static Limit limit(String name, Limit.Key key, Limit.Counts counts, String target, String... rates) {
        return limit(name, key, counts, Limit.OnStoreFailure.LOCAL, target, rates);
    }

    static Limit limit(String name, Limit.Key key, Limit.Counts counts, Limit.OnStoreFailure onStoreFailure,
            String target, String... rates) {
        return new Limit(name, Set.of(target), key, counts, Arrays.stream(rates).map(Rate::parse).toList(),
                onStoreFailure);
    }

    static Policy policy(Limit... limits) {
        return WAREHOUSE.withLimits(List.of(limits), Subnets.DEFAULT);
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
