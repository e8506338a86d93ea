package io.registryguard.gateway.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Client addresses for {@link BehindLoadBalancerTest}s, so that no two tests share a rate-limit bucket. */
public final class ClientAddresses {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private ClientAddresses() {
    }

    /** A /24 no other test in this JVM uses, as its first three octets, e.g. {@code "100.3.7"}. */
    public static String freshSubnet() {
        int n = NEXT.incrementAndGet();
        return (100 + n / 256) + "." + (n % 256) + ".7";
    }
}
