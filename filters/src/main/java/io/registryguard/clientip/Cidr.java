package io.registryguard.clientip;

import java.net.InetAddress;

/** One address block, e.g. {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a /32 or /128. */
record Cidr(byte[] network, int prefixLength) {

    static Cidr parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        InetAddress parsed = IpAddresses.parseLiteral(address).orElseThrow(() -> new IllegalArgumentException(
                "'" + text + "' is not a CIDR block; expected an address with an optional prefix, like 10.0.0.0/8 or fd00::/8"));
        byte[] bytes = parsed.getAddress();
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + max);
            }
        }
        return new Cidr(mask(bytes, prefix), prefix);
    }

    boolean contains(InetAddress candidate) {
        byte[] bytes = IpAddresses.unmap(candidate).getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        byte[] masked = mask(bytes, prefixLength);
        return java.util.Arrays.equals(masked, network);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (bits == 0 ? 0 : 0xff << (8 - bits));
        }
        return out;
    }
}
