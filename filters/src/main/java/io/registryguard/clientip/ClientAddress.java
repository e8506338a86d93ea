package io.registryguard.clientip;

import java.net.InetAddress;

import org.springframework.web.server.ServerWebExchange;

/**
 * Who is on the other end, as far as the gateway can prove it.
 *
 * @param address          the client's address (see {@link ClientAddressResolver})
 * @param peerTrusted      the TCP peer is a trusted proxy, so its forwarding headers were believed
 * @param secure           the client reached us over HTTPS (directly, or per a trusted proxy's
 *                         {@code X-Forwarded-Proto})
 */
public record ClientAddress(InetAddress address, boolean peerTrusted, boolean secure) {

    /** Exchange attribute holding the {@link ClientAddress}. */
    public static final String ATTRIBUTE = ClientAddress.class.getName();

    /** The address the filter resolved, or the raw peer when the filter did not run (never null for a live request). */
    public static ClientAddress of(ServerWebExchange exchange) {
        ClientAddress resolved = exchange.getAttribute(ATTRIBUTE);
        if (resolved != null) {
            return resolved;
        }
        var remote = exchange.getRequest().getRemoteAddress();
        InetAddress peer = remote == null ? InetAddress.getLoopbackAddress() : remote.getAddress();
        return new ClientAddress(IpAddresses.unmap(peer), false, exchange.getRequest().getSslInfo() != null);
    }

    public String scheme() {
        return secure ? "https" : "http";
    }

    /** The address as text, for logs and keys: no brackets, no zone. */
    public String text() {
        return address.getHostAddress();
    }
}
