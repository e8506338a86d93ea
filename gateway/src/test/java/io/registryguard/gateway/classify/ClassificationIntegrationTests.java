package io.registryguard.gateway.classify;

import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.GatewayIntegrationTest;
import io.registryguard.gateway.support.RawHttps;
import io.registryguard.gateway.support.TestRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** Classification on the running gateway: the class reaches the access log, and form bodies survive it. */
@GatewayIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ClassificationIntegrationTests {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    io.registryguard.session.GuardSessionCookies sessions;

    @org.springframework.beans.factory.annotation.Autowired
    io.registryguard.stepup.StepUpGuard stepUp;

    WebTestClient client;
    WireMockServer registry;

    @BeforeEach
    void setUp() {
        client = GatewayClients.https(port);
        registry = TestRegistry.registry().wireMock();
    }

    @Test
    void postWhenFormDispatchedSensitiveRouteThenRegistryGetsExactBytesAndLogNamesTheClass(CapturedOutput output) {
        String marker = "/manage/account/";
        byte[] form = "csrf_token=t0k%2Bn&confirm_password=w%C3%A9ird+%26+long".getBytes(StandardCharsets.US_ASCII);
        int before = registry.findAll(postRequestedFor(urlPathEqualTo(marker))).size();
        var session = sessions.start("alice", java.util.Set.of("otp"), "demo-session-alice");

        client.post().uri(marker)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .cookie("session_id", "demo-session-alice")
                .cookie("__Host-guard-session", sessions.cookie(session).getValue())
                // account deletion: a fresh factor for this action (step-up)
                .header("X-Guard-Step-Up", stepUp.issue("alice", session.sid(), "account-delete",
                        java.time.Instant.now(), java.util.Set.of("otp")))
                .bodyValue(form)
                .exchange()
                .expectStatus().value(s -> assertThat(s).isLessThan(500));

        var received = registry.findAll(postRequestedFor(urlPathEqualTo(marker)).withRequestBody(binaryEqualTo(form)));
        assertThat(received).hasSizeGreaterThan(0);
        assertThat(registry.findAll(postRequestedFor(urlPathEqualTo(marker)))).hasSize(before + 1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .contains("POST /manage/account/ ").contains("class=sensitive"));
        assertThat(output.getOut()).doesNotContain("w%C3%A9ird").doesNotContain("t0k%2Bn");
    }

    @Test
    void getWhenPublicPageThenAccessLogSaysPublic(CapturedOutput output) {
        client.get().uri("/simple/?probe=access-log").exchange().expectStatus().isOk();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("GET /simple/ 200 class=public client=127\\.0\\.0\\.1 ms=\\d+"));
        assertThat(output.getOut()).doesNotContain("probe=access-log");
    }

    @Test
    void postWhenChunkedFormBodyOverCapThenContentTooLargeAndRegistryGetsNothing() {
        String path = "/manage/project/cap-test/release/1.0/";
        int before = registry.findAll(postRequestedFor(urlPathEqualTo(path))).size();
        byte[] chunk = "confirm_delete_version=1.0&padding=".concat("x".repeat(8 * 1024 - 35))
                .getBytes(StandardCharsets.US_ASCII);
        Flux<DataBuffer> body = Flux.range(0, 9).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk.clone()));

        client.post().uri(path)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .body(body, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413);

        assertThat(registry.findAll(postRequestedFor(urlPathEqualTo(path)))).hasSize(before);
    }

    @Test
    void getWhenRawPathHasInvalidPercentEncodingThenBadRequestNotForwarded() throws Exception {
        // No HTTP client library sends "%zz" (java.net.URI refuses it): write the request by hand.
        String answer = RawHttps.exchange(port, "GET /manage/%zz/account/ HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: application/json\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(registry.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/manage/%zz/account/")))).isEmpty();
    }
}
