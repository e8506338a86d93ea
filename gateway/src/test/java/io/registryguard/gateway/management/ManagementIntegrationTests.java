package io.registryguard.gateway.management;

import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * Kubernetes and Prometheus talk to the management port; these are the paths the chart uses. It serves management
 * only (issue 11 item 10: it used to serve the {@code /_guard} pages, dev mailbox included, over plain HTTP).
 */
@GatewayIntegrationTest
class ManagementIntegrationTests {

    @LocalManagementPort
    int port;

    @Test
    void healthGroupsWhenStartedThenUp() {
        for (String path : new String[] {"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health"}) {
            GatewayClients.http(port).get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void prometheusWhenScrapedThenGatewayMetricsPresent() {
        GatewayClients.http(port).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(scrape -> org.assertj.core.api.Assertions.assertThat(scrape)
                        .contains("guard_policy_reload_total{result=\"applied\"}")
                        .contains("jvm_memory_used_bytes"));
    }

    @Test
    void policyEndpointWhenReadThenVersionAndHashOfTheRunningPolicy() {
        GatewayClients.http(port).get().uri("/actuator/policy").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.version").isNotEmpty()
                .jsonPath("$.sha256").value(h -> org.assertj.core.api.Assertions.assertThat((String) h)
                        .matches("[0-9a-f]{64}"))
                .jsonPath("$.watching").isEqualTo(true);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, /_guard/2fa", "POST, /_guard/2fa", "GET, /_guard/step-up", "POST, /_guard/step-up",
            "GET, /_guard/dev/mailbox", "GET, /_guard/frozen", "GET, /_guard/.well-known/jwks.json",
            "GET, /simple/", "GET, /account/login/", "GET, /", "GET, /actuatorx", "GET, /administrator",
            "GET, /actuator/../simple/", "GET, /actuator/%2e%2e/simple/", "GET, /admin/..;/_guard/2fa",
            "GET, /actuator//simple/"})
    void pathWhenNotManagementThenNotFoundOnTheManagementPort(String method, String path) {
        GatewayClients.http(port).method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .accept(org.springframework.http.MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body == null ? "" : body)
                        .doesNotContain("Dev mailbox").doesNotContain("kty").doesNotContain("<form"));
    }

    @Test
    void adminApiWhenCalledWithItsTokenThenStillServedOnTheManagementPort() {
        GatewayClients.http(port).get().uri("/admin/frozen")
                .header("Authorization", "Bearer " + GatewayIntegrationTest.ADMIN_TOKEN).exchange()
                .expectStatus().isOk();
    }
}
