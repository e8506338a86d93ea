package io.registryguard.gateway.mfa;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;
import java.util.Set;

import io.registryguard.gateway.policy.ActivePolicy;
import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.GatewayIntegrationTest;
import io.registryguard.gateway.support.TestRegistry;
import io.registryguard.session.GuardSessionCookies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Operators freeze an account (2024): its sessions stop at once, no login completes, and unfreezing is as quick. */
@GatewayIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class FreezeIntegrationTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    GuardSessionCookies sessions;

    @Autowired
    ActivePolicy policy;

    @AfterEach
    void cleanUp() {
        admin("/admin/unfreeze", "{\"account\":\"alice\"}");
        TestRegistry.restorePolicy();
        policy.checkNow(Clock.systemUTC());
    }

    private String aliceSession() {
        return sessions.cookie(sessions.start("alice", Set.of("otp"), "demo-session-alice")).getValue();
    }

    private WebTestClient.ResponseSpec manageAccount(String guardCookie, MediaType accept) {
        return GatewayClients.https(port).get().uri("/manage/account/").accept(accept)
                .cookie("session_id", "demo-session-alice").cookie("__Host-guard-session", guardCookie).exchange();
    }

    private WebTestClient.ResponseSpec admin(String path, String json) {
        return GatewayClients.http(managementPort).post().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + GatewayIntegrationTest.ADMIN_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    @Test
    void freezeWhenAccountHasASessionThenItsRequestsStopAtOnceAndUnfreezeRestoresThem(CapturedOutput output) {
        String session = aliceSession();
        manageAccount(session, MediaType.TEXT_HTML).expectStatus().isOk();
        var registry = TestRegistry.registry().wireMock();

        admin("/admin/freeze", "{\"account\":\"Alice\"}").expectStatus().isOk();
        int before = registry.findAll(getRequestedFor(urlEqualTo("/manage/account/"))).size();

        manageAccount(session, MediaType.TEXT_HTML).expectStatus().isSeeOther()
                .expectHeader().valueEquals("Location", "/_guard/frozen");
        manageAccount(session, MediaType.APPLICATION_JSON).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("frozen"));
        assertThat(registry.findAll(getRequestedFor(urlEqualTo("/manage/account/")))).hasSize(before);
        GatewayClients.https(port).get().uri("/_guard/frozen").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isForbidden()
                .expectBody(String.class).value(page -> assertThat(page).contains("This account is frozen")
                        .contains("the registry&#39;s operators"));
        GatewayClients.http(managementPort).get().uri("/admin/frozen")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + GatewayIntegrationTest.ADMIN_TOKEN).exchange()
                .expectBody().jsonPath("$.frozen[0]").isEqualTo("alice");

        admin("/admin/unfreeze", "{\"account\":\"alice\"}").expectStatus().isOk();

        manageAccount(session, MediaType.TEXT_HTML).expectStatus().isOk();
        assertThat(output.getOut()).contains("\"type\":\"admin.freeze\"").contains("\"type\":\"admin.unfreeze\"")
                .contains("\"account\":\"alice\"");
    }

    @Test
    void loginWhenAccountFrozenThenNoLoginCompletes() {
        admin("/admin/freeze", "{\"account\":\"alice\"}").expectStatus().isOk();
        var browser = new BrowserSession(GatewayClients.https(port));
        browser.login("alice", "alice-demo-password-1");

        var page = browser.get("/_guard/2fa");

        assertThat(page.getStatus().value()).isEqualTo(403);
        assertThat(page.getResponseBody()).contains("This account is frozen");
        assertThat(browser.cookies).doesNotContainKey("session_id").doesNotContainKey("__Host-guard-pending");
    }

    @Test
    void freezeWhenListedInThePolicyThenRefusedAndTheAdminApiCannotUndoIt() throws Exception {
        String carol = sessions.cookie(sessions.start("carol", Set.of("otp"), "demo-session-carol")).getValue();
        Files.writeString(TestRegistry.policyFile(), Files.readString(TestRegistry.policyFile())
                .replace("frozen-accounts: []", "frozen-accounts: [carol]"));
        assertThat(policy.checkNow(Clock.systemUTC()).outcome().name()).isEqualTo("APPLIED");

        GatewayClients.https(port).get().uri("/manage/account/").accept(MediaType.APPLICATION_JSON)
                .cookie("session_id", "demo-session-carol").cookie("__Host-guard-session", carol).exchange()
                .expectStatus().isForbidden();
        admin("/admin/unfreeze", "{\"account\":\"carol\"}").expectStatus().isEqualTo(409);
    }

    @Test
    void freezeWhenBodyMissingThenBadRequest() {
        admin("/admin/freeze", "{}").expectStatus().isBadRequest();
    }
}
