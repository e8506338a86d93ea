package io.registryguard.gateway.sequence;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.GatewayIntegrationTest;
import io.registryguard.gateway.support.TestMail;
import io.registryguard.gateway.support.TestRegistry;
import io.registryguard.session.GuardSession;
import io.registryguard.session.GuardSessionCookies;
import io.registryguard.stepup.StepUpGuard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The Nov 2023 pattern on the running gateway, for an attacker who got past the second factor (a stolen session):
 * the invited fresh account cannot remove the owner, and invites to many projects need a factor for each.
 */
@GatewayIntegrationTest
class TakeoverSequenceIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    GuardSessionCookies sessions;

    @Autowired
    StepUpGuard stepUp;

    static final String INVITE = "collaboration-invite";
    static final String DELETE = "collaboration-delete";

    WireMockServer registry;

    @BeforeEach
    void setUp() {
        registry = TestRegistry.registry().wireMock();
        registry.stubFor(post(urlPathMatching("/manage/project/seq-[a-z0-9-]+/collaboration/(delete/)?"))
                .willReturn(aResponse().withStatus(303).withHeader("Location", "/manage/projects/")));
    }

    /** A signed-in account with a step-up token minted for {@code route}, whose factor was proven {@code secondsAgo}. */
    private WebTestClient.RequestBodySpec as(String account, String route, String path, long secondsAgo) {
        GuardSession session = sessions.start(account, Set.of("otp"), "demo-session-" + account);
        String token = stepUp.issue(account, session.sid(), route, Instant.now().minusSeconds(secondsAgo), Set.of("otp"));
        return GatewayClients.https(port).post().uri(URI.create("https://localhost:" + port + path))
                .accept(MediaType.APPLICATION_JSON).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .cookie("session_id", "demo-session-" + account)
                .cookie("__Host-guard-session", sessions.cookie(session).getValue())
                .header("X-Guard-Step-Up", token);
    }

    private static long blockedNoticesTo(String address) throws Exception {
        long count = 0;
        for (var message : TestMail.server().getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)
                    && "A sensitive action on your account was blocked".equals(message.getSubject())) {
                count++;
            }
        }
        return count;
    }

    @Test
    void ownerRemovalWhenByTheFreshlyInvitedAccountThenDeniedAndNeverForwarded() {
        String project = "seq-" + UUID.randomUUID().toString().substring(0, 8);
        String intruder = "intruder" + UUID.randomUUID().toString().substring(0, 6);
        as("alice", INVITE, "/manage/project/" + project + "/collaboration/", 10)
                .bodyValue("username=" + intruder + "&role_name=Owner").exchange().expectStatus().isSeeOther();

        as(intruder, DELETE, "/manage/project/" + project + "/collaboration/delete/", 10)
                .bodyValue("role_id=1&confirm_username=alice").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("refused"));

        assertThat(registry.findAll(postRequestedFor(urlEqualTo("/manage/project/" + project
                + "/collaboration/delete/")))).isEmpty();
    }

    @Test
    void invitesToManyProjectsWhenWithinTheHourThenTheThirdNeedsAFactorForThisAction() throws Exception {
        String actor = "bob";
        String batch = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 1; i <= 2; i++) {
            as(actor, INVITE, "/manage/project/seq-" + batch + "-" + i + "/collaboration/", 120)
                    .bodyValue("username=someone&role_name=Maintainer").exchange().expectStatus().isSeeOther();
        }

        as(actor, INVITE, "/manage/project/seq-" + batch + "-3/collaboration/", 120)
                .bodyValue("username=someone&role_name=Maintainer").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value("WWW-Authenticate", h -> assertThat(h).contains("max_age=0"));
        // a factor proven this second, but for another action, does not
        as(actor, "token-create", "/manage/project/seq-" + batch + "-3/collaboration/", 0)
                .bodyValue("username=someone&role_name=Maintainer").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.route").isEqualTo(INVITE);
        // a factor proven for this very action lets it through
        as(actor, INVITE, "/manage/project/seq-" + batch + "-3/collaboration/", 0)
                .bodyValue("username=someone&role_name=Maintainer").exchange().expectStatus().isSeeOther();
    }

    @Test
    void deniedActionWhenRuleFiresThenTheOwnerBeingRemovedIsMailed() throws Exception {
        String project = "seq-" + UUID.randomUUID().toString().substring(0, 8);
        String intruder = "intruder" + UUID.randomUUID().toString().substring(0, 6);
        as("carol", INVITE, "/manage/project/" + project + "/collaboration/", 10)
                .bodyValue("username=" + intruder + "&role_name=Owner").exchange().expectStatus().isSeeOther();
        long before = blockedNoticesTo("carol@example.test");
        int all = TestMail.server().getReceivedMessages().length;

        as(intruder, DELETE, "/manage/project/" + project + "/collaboration/delete/", 10)
                .bodyValue("role_id=1&confirm_username=carol").exchange().expectStatus().isForbidden();

        // the intruder has no address on file; carol, whom it tried to remove, has: exactly one new mail, hers
        assertThat(blockedNoticesTo("carol@example.test")).isEqualTo(before + 1);
        assertThat(TestMail.server().getReceivedMessages()).hasSize(all + 1);
    }
}
