package io.registryguard.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;

import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.GatewayIntegrationTest;
import io.registryguard.gateway.support.TestRegistry;
import io.registryguard.policy.ReloadResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The running gateway picks up policy edits without restart and survives bad ones. */
@GatewayIntegrationTest
class PolicyReloadIntegrationTests {

    @Autowired
    ActivePolicy active;

    @LocalManagementPort
    int managementPort;

    @AfterEach
    void restore() {
        TestRegistry.restorePolicy();
        active.checkNow(Clock.systemUTC());
    }

    @Test
    void reloadWhenValidEditThenAppliedAndVisibleOnManagementPort() throws Exception {
        String edited = Files.readString(TestRegistry.policyFile())
                .replaceFirst("(?m)^version:.*$", "version: edited-by-test");
        Files.writeString(TestRegistry.policyFile(), edited);
        double appliedBefore = reloads("applied");

        ReloadResult result = active.checkNow(Clock.systemUTC());

        assertThat(result.outcome()).isEqualTo(ReloadResult.Outcome.APPLIED);
        assertThat(active.get().version()).isEqualTo("edited-by-test");
        assertThat(reloads("applied")).isEqualTo(appliedBefore + 1);
        management().get().uri("/actuator/policy").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.version").isEqualTo("edited-by-test")
                .jsonPath("$.sha256").isEqualTo(result.hash())
                .jsonPath("$.lastCheck.outcome").isEqualTo("APPLIED");
    }

    @Test
    void reloadWhenInvalidEditThenLastGoodPolicyKeepsRunningAndRejectionCountedOnce() throws Exception {
        String runningVersion = active.get().version();
        String runningHash = active.get().sha256();
        Files.writeString(TestRegistry.policyFile(), Files.readString(TestRegistry.policyFile())
                .replaceFirst("class: login", "class: logn"));
        double rejectedBefore = reloads("rejected");

        ReloadResult first = active.checkNow(Clock.systemUTC());
        ReloadResult second = active.checkNow(Clock.systemUTC());

        assertThat(first.outcome()).isEqualTo(ReloadResult.Outcome.REJECTED);
        assertThat(first.message()).contains("logn");
        assertThat(second.outcome()).isEqualTo(ReloadResult.Outcome.REJECTED);
        assertThat(active.get().version()).isEqualTo(runningVersion);
        assertThat(active.get().sha256()).isEqualTo(runningHash);
        assertThat(reloads("rejected")).isEqualTo(rejectedBefore + 1);
        management().get().uri("/actuator/policy").exchange()
                .expectBody()
                .jsonPath("$.sha256").isEqualTo(runningHash)
                .jsonPath("$.lastCheck.outcome").isEqualTo("REJECTED");
    }

    private WebTestClient management() {
        return GatewayClients.http(managementPort);
    }

    private double reloads(String result) {
        String scrape = management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return scrape.lines()
                .filter(l -> l.startsWith("guard_policy_reload_total{") && l.contains("result=\"" + result + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no guard_policy_reload_total{result=" + result
                        + "} in the scrape"));
    }
}
