package io.registryguard.clientip;

import java.net.InetAddress;
import java.util.List;

/** The peers whose forwarding headers the gateway believes. Empty by default: nobody is trusted. */
public final class TrustedProxies {

    private final List<Cidr> blocks;

    private TrustedProxies(List<Cidr> blocks) {
        this.blocks = blocks;
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /**
     * @throws IllegalArgumentException naming the entry that is not a CIDR block
     */
    public static TrustedProxies of(List<String> cidrs) {
        return new TrustedProxies(cidrs.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList());
    }

    public boolean contains(InetAddress address) {
        for (Cidr block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }
}
