package io.registryguard.gateway.management;

import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

/** Kubernetes and Prometheus talk to the management port; these are the paths the chart uses. */
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
}
