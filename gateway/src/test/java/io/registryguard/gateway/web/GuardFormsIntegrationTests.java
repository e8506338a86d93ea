package io.registryguard.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.GatewayIntegrationTest;
import io.registryguard.session.GuardSessionCookies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * Issue 11 item 8: {@code code=%zz} posted to a {@code /_guard} page was a 500 with an ERROR stack trace. Every page's
 * form is read by {@link GuardForms}: what it cannot read is a 400, a page for browsers and problem+json otherwise.
 */
@GatewayIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class GuardFormsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    GuardSessionCookies sessions;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/_guard/2fa", "/_guard/2fa/email", "/_guard/2fa/email/verify", "/_guard/2fa/enroll",
            "/_guard/step-up"})
    void postWhenInvalidPercentEncodingThenBadRequestProblemAndAnInfoLineWithoutStackTrace(String page,
            CapturedOutput output) {
        GatewayClients.https(port).post().uri(page).accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("code=%zz")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d)
                        .containsIgnoringCase("invalid percent-encoding"));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("INFO .*refused an unreadable form: POST " + page + ": Invalid percent-encoding"));
        assertThat(output.getAll()).doesNotContain("ERROR").doesNotContain("\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/_guard/2fa", "/_guard/2fa/email", "/_guard/2fa/email/verify", "/_guard/2fa/enroll",
            "/_guard/step-up"})
    void postWhenBrowserSendsInvalidPercentEncodingThenBadRequestPage(String page) {
        GatewayClients.https(port).post().uri(page).accept(MediaType.TEXT_HTML)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("csrf=x&code=%zz")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().value("Content-Type", t -> assertThat(t).startsWith("text/html"))
                .expectBody(String.class).value(html -> assertThat(html).contains("400")
                        .containsIgnoringCase("invalid percent-encoding"));
    }

    @Test
    void stepUpWhenSignedInAndTheFormIsUnreadableThenBadRequestBeforeAnyCodeIsTried() {
        String guard = sessions.cookie(sessions.start("alice", Set.of("otp"), "demo-session-alice")).getValue();
        for (var body : new String[][] {{"application/x-www-form-urlencoded", "code=1&code=2&route=delete-project"},
                {"application/x-www-form-urlencoded; charset=utf-16le", "code=1"},
                {"application/x-www-form-urlencoded+xml", "code=1"},
                {"application/json", "{\"code\":\"1\",\"code\":\"2\"}"},
                {"application/json", "{\"code\":123456,\"route\":\"delete-project\"}"}}) {
            GatewayClients.https(port).post().uri("/_guard/step-up").accept(MediaType.APPLICATION_JSON)
                    .cookie("session_id", "demo-session-alice").cookie("__Host-guard-session", guard)
                    .header("Content-Type", body[0]).bodyValue(body[1].getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void postWhenGzipEncodedOrOverTheCapThenBadRequest() {
        GatewayClients.https(port).post().uri("/_guard/2fa").accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).header("Content-Encoding", "gzip")
                .bodyValue(new byte[] {0x1f, (byte) 0x8b, 8, 0})
                .exchange().expectStatus().isBadRequest();
        GatewayClients.https(port).post().uri("/_guard/2fa").accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("code=" + "1".repeat(GuardForms.MAX_BYTES))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("longer than"));
    }
}
