package io.registryguard.gateway.clientip;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.BehindLoadBalancerTest;
import io.registryguard.gateway.support.TestRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a TLS-terminating load balancer (its own context): plain HTTP, the load balancer (loopback here)
 * is a trusted proxy, so its X-Forwarded-For and X-Forwarded-Proto decide the client and the scheme.
 */
@BehindLoadBalancerTest
@ExtendWith(OutputCaptureExtension.class)
class TrustedProxyIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void requestWhenFromTrustedLoadBalancerThenClientAndSchemeFromItsHeaders(CapturedOutput output) {
        var registry = TestRegistry.registry().wireMock();
        registry.stubFor(get(urlEqualTo("/_test/behind-lb")).willReturn(aResponse().withStatus(200)));

        GatewayClients.http(port).get().uri("/_test/behind-lb")
                .header("X-Forwarded-For", "6.6.6.6, 198.51.100.23")
                .header("X-Forwarded-Proto", "https")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains");

        var headers = registry.findAll(getRequestedFor(urlEqualTo("/_test/behind-lb"))).get(0).getHeaders();
        assertThat(headers.getHeader("X-Forwarded-For").values()).containsExactly("6.6.6.6, 198.51.100.23, 127.0.0.1");
        assertThat(headers.getHeader("X-Forwarded-Proto").values()).containsExactly("https");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(output.getOut()).contains("GET /_test/behind-lb 200 class=public client=198.51.100.23"));
    }

    @Test
    void requestWhenPlainHttpWithoutProxyHeadersThenNoHsts() {
        GatewayClients.http(port).get().uri("/simple/").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Strict-Transport-Security");
    }
}
