package io.registryguard.clientip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

class ClientAddressWebFilterTests {

    private final ClientAddressWebFilter filter = new ClientAddressWebFilter(
            new ClientAddressResolver(TrustedProxies.of(List.of("10.0.0.0/8"))));

    private static MockServerWebExchange exchange(String peer, String... headers) {
        var request = MockServerHttpRequest.get("http://guard.example/simple/")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return MockServerWebExchange.from(request);
    }

    private ClientAddress run(MockServerWebExchange exchange) {
        filter.filter(exchange, e -> Mono.empty()).block();
        return exchange.getAttribute(ClientAddress.ATTRIBUTE);
    }

    @Test
    void filterWhenUntrustedPeerSpoofsHeadersThenIgnored() {
        var client = run(exchange("203.0.113.5", "X-Forwarded-For", "1.1.1.1", "X-Forwarded-Proto", "https"));
        assertThat(client.text()).isEqualTo("203.0.113.5");
        assertThat(client.peerTrusted()).isFalse();
        assertThat(client.secure()).isFalse();
    }

    @Test
    void filterWhenTrustedProxyThenClientAndSchemeFromHeaders() {
        var client = run(exchange("10.0.0.9", "X-Forwarded-For", "198.51.100.4", "X-Forwarded-Proto", "https"));
        assertThat(client.text()).isEqualTo("198.51.100.4");
        assertThat(client.secure()).isTrue();
    }

    @Test
    void forwardedHeadersWhenUntrustedPeerThenReplacedNotAppended() {
        var exchange = exchange("203.0.113.5", "X-Forwarded-For", "1.1.1.1", "X-Forwarded-Host", "evil.example",
                "Forwarded", "for=1.1.1.1", "X-Real-IP", "1.1.1.1", "Host", "guard.example");
        run(exchange);
        HttpHeaders out = new ForwardedHeadersFilter().filter(exchange.getRequest().getHeaders(), exchange);
        assertThat(out.get("X-Forwarded-For")).containsExactly("203.0.113.5");
        assertThat(out.getFirst("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(out.getFirst("X-Forwarded-Host")).isEqualTo("guard.example");
        assertThat(out.containsHeader("Forwarded")).isFalse();
        assertThat(out.containsHeader("X-Real-IP")).isFalse();
    }

    @Test
    void forwardedHeadersWhenTrustedPeerThenChainKeptAndPeerAppended() {
        var exchange = exchange("10.0.0.9", "X-Forwarded-For", "198.51.100.4", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "pypi.example", "Host", "guard.internal");
        run(exchange);
        HttpHeaders out = new ForwardedHeadersFilter().filter(exchange.getRequest().getHeaders(), exchange);
        assertThat(out.get("X-Forwarded-For")).containsExactly("198.51.100.4, 10.0.0.9");
        assertThat(out.getFirst("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(out.getFirst("X-Forwarded-Host")).isEqualTo("pypi.example");
    }
}
