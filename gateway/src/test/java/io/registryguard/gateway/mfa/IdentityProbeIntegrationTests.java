package io.registryguard.gateway.mfa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.registryguard.audit.AuditEvent;
import io.registryguard.audit.AuditEventTypes;
import io.registryguard.audit.AuditQuery;
import io.registryguard.audit.AuditTrail;
import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.GatewayIntegrationTest;
import io.registryguard.gateway.support.TestRegistry;
import io.registryguard.gateway.support.Totps;
import io.registryguard.mfa.SecondFactorService;
import io.registryguard.mfa.TotpProvisioning;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Identity from the registry, through the real gateway in front of the demo registry: a login the registry
 * answers with another account's session is refused and audited; a normal one still ends in a usable session.
 */
@GatewayIntegrationTest
class IdentityProbeIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    SecondFactorService factors;

    @Autowired
    AuditTrail audit;

    private List<AuditEvent> mismatches() {
        return audit.query(AuditQuery.newest(200)).filter(e -> e.type().equals(AuditEventTypes.LOGIN_IDENTITY_MISMATCH))
                .collectList().block();
    }

    @Test
    void loginWhenRegistryAuthenticatesAnotherAccountThanTypedThenRefusedAndAudited() {
        var registry = TestRegistry.registry().wireMock();
        // A lenient registry that read the request its own way: carol typed, alice logged in.
        var stub = registry.stubFor(post(urlPathEqualTo("/account/login/")).withFormParam("username", equalTo("carol"))
                .atPriority(1).willReturn(aResponse().withStatus(303).withHeader("Location", "/manage/projects/")
                        .withHeader("Set-Cookie", "session_id=demo-session-alice; Path=/; HttpOnly; Secure",
                                "user_id__insecure=alice; Path=/")));
        try {
            int probesBefore = registry.findAll(getRequestedFor(urlPathEqualTo("/manage/account/"))).size();
            var browser = new BrowserSession(GatewayClients.https(port));

            var answer = browser.login("carol", "carol-demo-password-3");

            assertThat(answer.getStatus().value()).isEqualTo(403);
            assertThat(answer.getResponseBody()).contains("could not be confirmed");
            assertThat(BrowserSession.setCookies(answer)).noneMatch(c -> c.startsWith("session_id="))
                    .noneMatch(c -> c.startsWith("user_id__insecure=")).noneMatch(c -> c.startsWith("__Host-guard-"));
            assertThat(browser.cookies).doesNotContainKeys("session_id", "__Host-guard-pending");
            assertThat(registry.findAll(getRequestedFor(urlPathEqualTo("/manage/account/")))).hasSize(probesBefore + 1);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(mismatches())
                    .anySatisfy(event -> {
                        assertThat(event.account()).isEqualTo("alice");
                        assertThat(event.details()).containsEntry("typed", "carol").containsEntry("probed", "alice");
                    }));
        } finally {
            registry.removeStub(stub);
        }
    }

    @Test
    void loginWhenTypedInAnotherSpellingThenConfirmedAndCompletedWithTheFactor() {
        TotpProvisioning provisioning = factors.enrollTotp("bob");
        String secret = provisioning.secret().base32();
        factors.confirmTotp("bob", provisioning.secret(), Totps.code(secret, Instant.now().minusSeconds(30))).block();
        try {
            var browser = new BrowserSession(GatewayClients.https(port));
            var answer = browser.login("BOB", "bob-demo-password-2");
            assertThat(answer.getStatus().value()).isEqualTo(303);
            assertThat(BrowserSession.location(answer)).hasToString("/_guard/2fa");

            var page = browser.get("/_guard/2fa");
            var done = browser.post("/_guard/2fa", "csrf", BrowserSession.csrf(page), "code",
                    Totps.code(secret, Instant.now()));

            assertThat(done.getStatus().value()).isEqualTo(303);
            assertThat(BrowserSession.setCookies(done)).anySatisfy(c -> assertThat(c).startsWith("session_id=demo-session-bob"));
            assertThat(browser.get("/manage/account/").getResponseBody()).contains("href=\"/user/bob/\"");
        } finally {
            factors.reset("bob").block();
        }
    }
}
