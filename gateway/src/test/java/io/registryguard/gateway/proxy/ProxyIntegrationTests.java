package io.registryguard.gateway.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.GatewayIntegrationTest;
import io.registryguard.gateway.support.TestRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@GatewayIntegrationTest
class ProxyIntegrationTests {

    @LocalServerPort
    int port;

    WebTestClient client;
    WireMockServer registry;

    @BeforeEach
    void setUp() {
        client = GatewayClients.https(port);
        registry = TestRegistry.registry().wireMock();
    }

    @Test
    void getWhenPublicRouteThenPathQueryHeadersAndCookiesReachRegistryUnchanged() {
        registry.stubFor(get(urlPathEqualTo("/_test/echo/a%2Fb")).willReturn(aResponse().withStatus(200)));

        client.get().uri(URI.create("https://localhost:" + port + "/_test/echo/a%2Fb?x=1&y=%C3%A9&y=2"))
                .header("X-Custom", "kept")
                .cookie("pref", "abc") // not the registry's session cookie: that one needs a guard session
                .exchange()
                .expectStatus().isOk();

        registry.verify(getRequestedFor(urlEqualTo("/_test/echo/a%2Fb?x=1&y=%C3%A9&y=2"))
                .withHeader("X-Custom", equalTo("kept"))
                .withCookie("pref", equalTo("abc")));
    }

    @Test
    void getWhenClientSpoofsForwardingHeadersThenRegistrySeesOnlyThePeer() {
        registry.stubFor(get(urlEqualTo("/_test/forwarded")).willReturn(aResponse().withStatus(204)));

        client.get().uri("/_test/forwarded")
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Forwarded-Proto", "http")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=6.6.6.6")
                .exchange()
                .expectStatus().isNoContent();

        var received = registry.findAll(getRequestedFor(urlEqualTo("/_test/forwarded")));
        assertThat(received).hasSize(1);
        var headers = received.get(0).getHeaders();
        assertThat(headers.getHeader("X-Forwarded-For").values()).containsExactly("127.0.0.1");
        assertThat(headers.getHeader("X-Forwarded-Proto").values()).containsExactly("https");
        assertThat(headers.getHeader("X-Forwarded-Host").values()).containsExactly("localhost:" + port);
        assertThat(headers.getHeader("Forwarded").isPresent()).isFalse();
    }

    @Test
    void answerWhenRegistrySetsStatusHeadersAndCookiesThenClientGetsThemUnchanged() {
        registry.stubFor(get(urlEqualTo("/_test/teapot")).willReturn(aResponse().withStatus(418)
                .withHeader("X-Registry", "yes")
                .withHeader("Set-Cookie", "session_id=s1; Path=/; HttpOnly; Secure; SameSite=Lax")
                .withHeader("Set-Cookie", "user_id__insecure=u1; Path=/")
                .withHeader("Location", "/elsewhere/")
                .withBody("short and stout")));

        client.get().uri("/_test/teapot").exchange()
                .expectStatus().isEqualTo(418)
                .expectHeader().valueEquals("X-Registry", "yes")
                .expectHeader().valueEquals("Location", "/elsewhere/")
                .expectHeader().values("Set-Cookie", values -> assertThat(values).containsExactly(
                        "session_id=s1; Path=/; HttpOnly; Secure; SameSite=Lax", "user_id__insecure=u1; Path=/"))
                .expectBody(String.class).isEqualTo("short and stout");
    }

    @Test
    void putWhenBodyThenRegistryReceivesTheExactBytes() {
        registry.stubFor(put(urlEqualTo("/_test/put")).willReturn(aResponse().withStatus(201)));
        byte[] body = "binary\u0000body\r\n\u00ff".getBytes(StandardCharsets.ISO_8859_1);

        client.put().uri("/_test/put").contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(body)
                .exchange().expectStatus().isCreated();

        registry.verify(putRequestedFor(urlEqualTo("/_test/put")).withRequestBody(binaryEqualTo(body)));
    }

    @Test
    void getWhenPackageDownloadThenBytesAndHstsHeader() {
        client.get().uri("/simple/demo-project/").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    @Test
    void getWhenGuardPathUnknownThenNotFoundAndRegistryNeverAsked() {
        registry.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404)));
        client.get().uri("/_guard/nothing-here").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isNotFound();
        registry.verify(0, getRequestedFor(urlEqualTo("/_guard/nothing-here")));
    }

    @Test
    void getWhenActuatorPathOnPublicPortThenItIsTheRegistrysBusiness() {
        // Management lives on its own port; the public port must not expose health or metrics.
        client.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(HttpStatus.NOT_FOUND);
        registry.verify(1, getRequestedFor(urlEqualTo("/actuator/health")));
    }
}
