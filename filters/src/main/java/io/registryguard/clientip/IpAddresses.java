package io.registryguard.clientip;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses IP literals without ever touching DNS: header values are attacker input. */
final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpAddresses() {
    }

    /**
     * Parses one {@code X-Forwarded-For} entry: {@code 1.2.3.4}, {@code 1.2.3.4:5678}, {@code 2001:db8::1}
     * or {@code [2001:db8::1]:5678}. Anything else, host names included, is empty.
     */
    static Optional<InetAddress> parseForwardedEntry(String entry) {
        String s = entry.strip();
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) {
                return Optional.empty();
            }
            String rest = s.substring(end + 1);
            if (!rest.isEmpty() && !rest.matches(":\\d{1,5}")) {
                return Optional.empty();
            }
            return parseLiteral(s.substring(1, end)).filter(a -> a instanceof Inet6Address || isMappedV4(a));
        }
        int colon = s.indexOf(':');
        if (colon >= 0 && colon == s.lastIndexOf(':') && s.substring(colon + 1).matches("\\d{1,5}")) {
            s = s.substring(0, colon); // IPv4 with port
        }
        return parseLiteral(s);
    }

    /** Parses an IPv4 or IPv6 literal; IPv4-mapped IPv6 addresses come back as IPv4. */
    static Optional<InetAddress> parseLiteral(String text) {
        String s = text.strip();
        try {
            var v4 = IPV4.matcher(s);
            if (v4.matches()) {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    String octet = v4.group(i + 1);
                    int value = Integer.parseInt(octet);
                    if (value > 255 || (octet.length() > 1 && octet.charAt(0) == '0')) {
                        return Optional.empty(); // leading zeros are octal to some parsers: refuse the ambiguity
                    }
                    bytes[i] = (byte) value;
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            if (s.indexOf(':') >= 0 && IPV6_CHARS.matcher(s).matches()) {
                // Only hex digits, colons and dots: InetAddress treats it as a literal, no lookup happens.
                return Optional.of(unmap(InetAddress.getByName(s)));
            }
        } catch (UnknownHostException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** An IPv4-mapped IPv6 address (::ffff:a.b.c.d) as the IPv4 address it carries. */
    static InetAddress unmap(InetAddress address) {
        if (isMappedV4(address)) {
            try {
                return InetAddress.getByAddress(Arrays.copyOfRange(address.getAddress(), 12, 16));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return address;
    }

    private static boolean isMappedV4(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }
}
