package io.registryguard.clientip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressResolverTests {

    private static InetAddress ip(String literal) {
        return IpAddresses.parseLiteral(literal).orElseThrow();
    }

    private final ClientAddressResolver resolver = new ClientAddressResolver(
            TrustedProxies.of(List.of("10.0.0.0/8", "fd00::/8", "192.168.1.7")));

    @Test
    void resolveWhenPeerUntrustedThenForwardedForIgnored() {
        assertThat(resolver.resolve(ip("203.0.113.9"), List.of("1.2.3.4"))).isEqualTo(ip("203.0.113.9"));
    }

    @Test
    void resolveWhenNoProxiesConfiguredThenEvenPrivatePeerIsTheClient() {
        var none = new ClientAddressResolver(TrustedProxies.none());
        assertThat(none.resolve(ip("10.1.1.1"), List.of("1.2.3.4"))).isEqualTo(ip("10.1.1.1"));
    }

    @Test
    void resolveWhenPeerTrustedThenRightMostUntrustedEntry() {
        // The client wrote "6.6.6.6" itself; the proxy appended the address it saw.
        assertThat(resolver.resolve(ip("10.0.0.2"), List.of("6.6.6.6, 198.51.100.20"))).isEqualTo(ip("198.51.100.20"));
    }

    @Test
    void resolveWhenChainOfTrustedProxiesThenSkipsThemAll() {
        assertThat(resolver.resolve(ip("10.0.0.2"), List.of("6.6.6.6, 198.51.100.20", "192.168.1.7, 10.9.9.9")))
                .isEqualTo(ip("198.51.100.20"));
    }

    @Test
    void resolveWhenAllEntriesTrustedThenLeftMost() {
        assertThat(resolver.resolve(ip("10.0.0.2"), List.of("10.3.3.3, 10.4.4.4"))).isEqualTo(ip("10.3.3.3"));
    }

    @Test
    void resolveWhenPeerTrustedAndNoHeaderThenPeer() {
        assertThat(resolver.resolve(ip("10.0.0.2"), List.of())).isEqualTo(ip("10.0.0.2"));
    }

    @Test
    void resolveWhenGarbageEntryThenLastProvableHop() {
        assertThat(resolver.resolve(ip("10.0.0.2"), List.of("1.1.1.1, evil.example, 10.5.5.5")))
                .isEqualTo(ip("10.5.5.5"));
        assertThat(resolver.resolve(ip("10.0.0.2"), List.of("unknown"))).isEqualTo(ip("10.0.0.2"));
    }

    @Test
    void resolveWhenIpv6AndPortsThenParsed() {
        assertThat(resolver.resolve(ip("fd00::1"), List.of("[2001:db8::7]:4711"))).isEqualTo(ip("2001:db8::7"));
        assertThat(resolver.resolve(ip("fd00::1"), List.of("2001:db8::8"))).isEqualTo(ip("2001:db8::8"));
        assertThat(resolver.resolve(ip("10.0.0.1"), List.of("198.51.100.1:5555"))).isEqualTo(ip("198.51.100.1"));
    }

    @Test
    void resolveWhenPeerIsIpv4MappedIpv6ThenTreatedAsIpv4() {
        assertThat(resolver.resolve(ip("::ffff:10.0.0.2"), List.of("198.51.100.3"))).isEqualTo(ip("198.51.100.3"));
        assertThat(resolver.resolve(ip("::ffff:203.0.113.1"), List.of("198.51.100.3"))).isEqualTo(ip("203.0.113.1"));
    }

    @Test
    void parseWhenHostNameThenRejectedWithoutLookup() {
        assertThat(IpAddresses.parseForwardedEntry("localhost")).isEmpty();
        assertThat(IpAddresses.parseForwardedEntry("example.com:80")).isEmpty();
        assertThat(IpAddresses.parseForwardedEntry("01.2.3.4")).isEmpty();
        assertThat(IpAddresses.parseForwardedEntry("256.1.1.1")).isEmpty();
        assertThat(IpAddresses.parseForwardedEntry("[1.2.3.4]")).isEmpty();
    }

    @Test
    void trustedProxiesWhenMalformedThenNamesTheEntry() {
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33")))
                .withMessageContaining("10.0.0.0/33");
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("proxy.internal")))
                .withMessageContaining("proxy.internal");
    }

    @Test
    void cidrWhenPrefixNotByteAlignedThenMasksBits() {
        var proxies = TrustedProxies.of(List.of("172.16.0.0/12"));
        assertThat(proxies.contains(ip("172.31.255.255"))).isTrue();
        assertThat(proxies.contains(ip("172.32.0.0"))).isFalse();
        assertThat(proxies.contains(ip("2001:db8::1"))).isFalse();
    }
}
