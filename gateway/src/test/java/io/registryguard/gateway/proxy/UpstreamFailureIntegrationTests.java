package io.registryguard.gateway.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.http.Fault;
import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.GatewayIntegrationTest;
import io.registryguard.gateway.support.TestRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The registry misbehaves; the gateway answers precisely and in bounded time. (Response timeout: 2 s.) */
@GatewayIntegrationTest
class UpstreamFailureIntegrationTests {

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        client = GatewayClients.https(port);
        var registry = TestRegistry.registry().wireMock();
        registry.stubFor(get(urlEqualTo("/_test/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(10_000)));
        registry.stubFor(get(urlEqualTo("/_test/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        registry.stubFor(get(urlEqualTo("/_test/garbage")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    }

    @Test
    void getWhenRegistryTooSlowThenGatewayTimeoutProblem() {
        client.get().uri("/_test/slow").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(504)
                .jsonPath("$.title").isEqualTo("Gateway Timeout")
                .jsonPath("$.detail").value(d -> org.assertj.core.api.Assertions.assertThat((String) d)
                        .contains("did not answer in time").doesNotContain("127.0.0.1"));
    }

    @Test
    void getWhenRegistryTooSlowAndBrowserThenHtmlPage() {
        client.get().uri("/_test/slow").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("<h1>").contains("504").contains("did not answer in time"));
    }

    @Test
    void getWhenRegistryResetsConnectionThenBadGateway() {
        client.get().uri("/_test/reset").exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectBody().jsonPath("$.status").isEqualTo(502);
    }

    @Test
    void getWhenRegistryClosesWithoutAnswerThenBadGateway() {
        client.get().uri("/_test/garbage").exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY);
    }
}
