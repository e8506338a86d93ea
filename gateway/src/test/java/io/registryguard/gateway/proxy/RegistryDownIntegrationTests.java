package io.registryguard.gateway.proxy;

import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/** A gateway whose registry is not there at all (nothing listens on loopback port 1). Its own context. */
@GatewayIntegrationTest
@TestPropertySource(properties = "guard.upstream-url=http://127.0.0.1:1")
class RegistryDownIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void getWhenRegistryRefusesConnectionsThenBadGatewayProblem() {
        GatewayClients.https(port).get().uri("/simple/").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody()
                .jsonPath("$.title").isEqualTo("Bad Gateway")
                .jsonPath("$.detail").isEqualTo("The registry could not be reached. Please try again shortly.");
    }

    @Test
    void getWhenRegistryDownAndBrowserThenReadablePage() {
        GatewayClients.https(port).get().uri("/account/login/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }
}
