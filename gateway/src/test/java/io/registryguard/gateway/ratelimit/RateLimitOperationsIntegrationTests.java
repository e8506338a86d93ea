package io.registryguard.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.registryguard.gateway.RegistryGuardApplication;
import io.registryguard.gateway.policy.ActivePolicy;
import io.registryguard.gateway.support.BehindLoadBalancerTest;
import io.registryguard.gateway.support.ClientAddresses;
import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.GatewayIntegrationTest;
import io.registryguard.gateway.support.TestRegistry;
import io.registryguard.ratelimit.RateLimiter;
import io.registryguard.ratelimit.StoreState;
import io.registryguard.testsupport.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.MediaType;

/** Operating the limits: live policy edits, Redis dying and coming back, two replicas on one Redis, the admin API. */
@BehindLoadBalancerTest
@ExtendWith(OutputCaptureExtension.class)
class RateLimitOperationsIntegrationTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    ActivePolicy policy;

    @Autowired
    RateLimiter limiter;

    LoginAttempts attempts;

    @BeforeEach
    void setUp() {
        attempts = new LoginAttempts(GatewayClients.http(port));
    }

    @AfterEach
    void restore() {
        TestRegistry.restorePolicy();
        policy.checkNow(Clock.systemUTC());
        RedisTestServer redis = RedisTestServer.get();
        if (!redis.isRunning()) {
            redis.start();
        }
    }

    private static String user() {
        return "ops-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void policyEditWhenPerUserBudgetLoweredThenLiveBucketsFollowWithoutRestart() throws Exception {
        String user = user();
        String subnet = ClientAddresses.freshSubnet();
        assertThat(attempts.login(subnet + ".1", user, "a").getStatus().value()).isEqualTo(200);
        String edited = Files.readString(TestRegistry.policyFile()).replaceFirst(
                "(?s)(  login-per-user:.*?bandwidths: )\\[10 per 5m\\]", "$1[2 per 5m]");
        assertThat(edited).contains("[2 per 5m]");
        Files.writeString(TestRegistry.policyFile(), edited);

        assertThat(policy.checkNow(Clock.systemUTC()).outcome().name()).isEqualTo("APPLIED");

        // Lowering a bandwidth caps the tokens left at the new capacity (Bucket4j's ADDITIVE inheritance):
        // nine were left, two remain.
        assertThat(attempts.login(subnet + ".2", user, "b").getStatus().value()).isEqualTo(200);
        assertThat(attempts.login(subnet + ".3", user, "c").getStatus().value()).isEqualTo(200);
        assertThat(attempts.login(subnet + ".4", user, "d").getStatus().value()).isEqualTo(429);
    }

    @Test
    void redisWhenKilledMidTestThenLocalFallbackVisibleAndRecoveryAfterRestart() {
        RedisTestServer redis = RedisTestServer.get();
        assumeThat(redis.canRestart()).as("an external SPRING_DATA_REDIS_URL cannot be stopped").isTrue();
        String ip = ClientAddresses.freshSubnet() + ".1";
        assertThat(limiter.storeState()).isEqualTo(StoreState.REDIS);

        redis.stop();
        // Decisions go on: the first ones fail over to local buckets while the breaker counts errors, then it opens.
        for (int i = 0; i < 5; i++) {
            assertThat(attempts.login(ip, "carol", "carol-demo-password-3").getStatus().value()).isEqualTo(303);
        }
        assertThat(limiter.storeState()).isEqualTo(StoreState.REDIS_UNAVAILABLE);
        GatewayClients.http(managementPort).get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components.limitStore.status").isEqualTo("DEGRADED")
                .jsonPath("$.components.limitStore.details.store").isEqualTo("REDIS_UNAVAILABLE");
        assertThat(scrape()).containsPattern("guard_ratelimit_fallback_total\\{limit=\"login-per-user\"\\} [1-9]")
                .contains("guard_ratelimit_breaker_state 2.0");

        redis.start();

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            attempts.login(ip, "carol", "carol-demo-password-3");
            assertThat(limiter.storeState()).isEqualTo(StoreState.REDIS);
        });
    }

    @Test
    void twoReplicasOnOneRedisWhenConcurrentFailuresThenNoMoreThanTheBudgetReachTheRegistry() throws Exception {
        try (var second = new SpringApplicationBuilder(RegistryGuardApplication.class, OwnNettyResources.class)
                .web(WebApplicationType.REACTIVE)
                .run("--server.port=0", "--management.server.port=0", "--guard.tls.enabled=false",
                        "--guard.trusted-proxies=127.0.0.1/32",
                        "--guard.upstream-url=" + TestRegistry.registry().baseUrl(),
                        "--guard.policy-file=" + TestRegistry.policyFile(),
                        "--spring.data.redis.url=" + RedisTestServer.get().url())) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            LoginAttempts[] replicas = {attempts, new LoginAttempts(GatewayClients.http(secondPort))};
            String user = user();
            String subnet = ClientAddresses.freshSubnet();
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 1; i <= 30; i++) {
                int n = i;
                answers.add(CompletableFuture.supplyAsync(() ->
                        replicas[n % 2].login(subnet + "." + n, user, "guess-" + n).getStatus().value()));
            }
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();

            assertThat(LoginAttempts.reachedRegistry(user)).isLessThanOrEqualTo(10);
            assertThat(statuses).filteredOn(s -> s == 429).hasSizeGreaterThanOrEqualTo(20);
            assertThat(statuses).allMatch(s -> s == 200 || s == 429);
        }
    }

    @Test
    void adminWhenNoOrWrongTokenThenUnauthorized() {
        GatewayClients.http(managementPort).get().uri("/admin/blocks").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"registry-guard-admin\"")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        GatewayClients.http(managementPort).post().uri("/admin/unlock")
                .header(HttpHeaders.AUTHORIZATION, "Bearer not-the-token")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"kind\":\"ip\",\"value\":\"1.2.3.4\"}")
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void adminWhenUsernameUnlockedThenAttemptsReachTheRegistryAgainAndItIsAudited(CapturedOutput output) {
        String user = user();
        String subnet = ClientAddresses.freshSubnet();
        for (int i = 1; i <= 10; i++) {
            attempts.login(subnet + "." + i, user, "guess");
        }
        assertThat(attempts.login(subnet + ".50", user, "guess").getStatus().value()).isEqualTo(429);
        var admin = GatewayClients.http(managementPort);
        admin.get().uri("/admin/blocks").header(HttpHeaders.AUTHORIZATION, "Bearer " + GatewayIntegrationTest.ADMIN_TOKEN)
                .exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("login-per-user").contains(user));

        admin.post().uri("/admin/unlock").header(HttpHeaders.AUTHORIZATION, "Bearer " + GatewayIntegrationTest.ADMIN_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"kind\":\"username\",\"value\":\"" + user + "\"}")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.unlocked.value").isEqualTo(user);

        assertThat(attempts.login(subnet + ".51", user, "guess").getStatus().value()).isEqualTo(200);
        assertThat(LoginAttempts.reachedRegistry(user)).isEqualTo(11);
        assertThat(output.getOut()).contains("\"type\":\"admin.unlock\"").contains("\"value\":\"" + user + "\"");
    }

    @Test
    void adminWhenBodyMalformedThenBadRequest() {
        GatewayClients.http(managementPort).post().uri("/admin/unlock")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + GatewayIntegrationTest.ADMIN_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"kind\":\"planet\"}")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void adminPathOnPublicPortWhenCalledThenItIsTheRegistrysAndNotTheAdminApi() {
        GatewayClients.http(port).get().uri("/admin/blocks")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + GatewayIntegrationTest.ADMIN_TOKEN)
                .exchange().expectStatus().isNotFound()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("blocks"));
    }

    /**
     * The second replica's servers on event loops of their own: by default every context in a JVM shares Reactor
     * Netty's global resources, and closing one context would dispose the loops the shared test context serves on.
     */
    @Configuration(proxyBeanMethods = false)
    static class OwnNettyResources {

        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory factory = new ReactorResourceFactory();
            factory.setUseGlobalResources(false);
            return factory;
        }
    }

    private String scrape() {
        return GatewayClients.http(managementPort).get().uri("/actuator/prometheus").exchange()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
