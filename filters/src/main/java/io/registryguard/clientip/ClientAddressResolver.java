package io.registryguard.clientip;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides the client's address: the peer, unless the peer is a trusted proxy, in which case the
 * right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy. Entries to the left of
 * that were written by the client and prove nothing.
 */
public final class ClientAddressResolver {

    private final TrustedProxies trusted;

    public ClientAddressResolver(TrustedProxies trusted) {
        this.trusted = trusted;
    }

    /**
     * @param peer            the TCP peer
     * @param forwardedValues every {@code X-Forwarded-For} header value, in order (each may be a list)
     */
    public InetAddress resolve(InetAddress peer, List<String> forwardedValues) {
        InetAddress current = IpAddresses.unmap(peer);
        if (!trusted.contains(current)) {
            return current;
        }
        List<String> entries = new ArrayList<>();
        for (String value : forwardedValues) {
            for (String entry : value.split(",")) {
                entries.add(entry);
            }
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpAddresses.parseForwardedEntry(entries.get(i));
            if (hop.isEmpty()) {
                // Garbage in the chain: the last hop we could read is the best we can prove.
                return current;
            }
            current = hop.get();
            if (!trusted.contains(current)) {
                return current;
            }
        }
        return current;
    }

    /** True when forwarding headers from this peer may be believed. */
    public boolean trusts(InetAddress peer) {
        return trusted.contains(IpAddresses.unmap(peer));
    }
}
