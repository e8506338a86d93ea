package io.registryguard.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * How wide a "subnet" is for {@code key: subnet} limits and the risk counters: one attacker usually holds a
 * whole IPv6 allocation, and often several neighbouring IPv4 addresses.
 *
 * @param ipv4Prefix leading bits of an IPv4 address that make its network, 8 to 32
 * @param ipv6Prefix leading bits of an IPv6 address that make its network, 16 to 128 (a /56 is what an ISP
 *                   commonly gives one customer)
 */
public record Subnets(int ipv4Prefix, int ipv6Prefix) {

    static final int MIN_IPV4 = 8;
    static final int MIN_IPV6 = 16;

    /** {@code /24} for IPv4 and {@code /56} for IPv6. */
    public static final Subnets DEFAULT = new Subnets(24, 56);

    public Subnets {
        if (ipv4Prefix < MIN_IPV4 || ipv4Prefix > 32) {
            throw new IllegalArgumentException("ipv4Prefix must be between " + MIN_IPV4 + " and 32, was " + ipv4Prefix);
        }
        if (ipv6Prefix < MIN_IPV6 || ipv6Prefix > 128) {
            throw new IllegalArgumentException("ipv6Prefix must be between " + MIN_IPV6 + " and 128, was " + ipv6Prefix);
        }
    }

    /** The network {@code address} is in, like {@code 203.0.113.0/24} or {@code 2001:db8:0:ff00:0:0:0:0/56}. */
    public String of(InetAddress address) {
        byte[] bytes = address.getAddress();
        int prefixLength = bytes.length == 4 ? ipv4Prefix : ipv6Prefix;
        byte[] masked = Arrays.copyOf(bytes, bytes.length);
        for (int bit = prefixLength; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            // an IPv4-mapped IPv6 address comes back as IPv4
            return InetAddress.getByAddress(masked).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + bytes.length + " bytes", e);
        }
    }
}
