package io.registryguard.gateway.stepup;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.registryguard.gateway.mfa.BrowserSessions;
import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.GatewayIntegrationTest;
import io.registryguard.gateway.support.TestRegistry;
import io.registryguard.policy.PolicyLoader;
import io.registryguard.policy.RouteClass;
import io.registryguard.policy.RouteRule;
import io.registryguard.session.GuardSessionCookies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * Every sensitive route of the built-in policy, and variants of its path, demands a fresh factor; and with only a
 * password none of the 2023 steps reaches the registry.
 */
@GatewayIntegrationTest
class SensitiveRoutesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    GuardSessionCookies sessions;

    /** A concrete request for each sensitive rule, with three variants of its path. */
    static Stream<String[]> sensitiveRequests() {
        List<String[]> cases = new ArrayList<>();
        for (RouteRule rule : PolicyLoader.loadDefault().routes()) {
            if (rule.routeClass() != RouteClass.SENSITIVE) {
                continue;
            }
            String path = rule.path().toString().replace("{project}", "demo-project").replace("{version}", "1.0")
                    .replace("{organization}", "psf").replace("{team}", "infra").replace("**", "delete/");
            String form = rule.formFields().isEmpty() ? "x=1" : rule.formFields().iterator().next() + "=1";
            cases.add(new String[] {rule.name(), path, form});
            cases.add(new String[] {rule.name() + " upper case", path.toUpperCase(), form});
            cases.add(new String[] {rule.name() + " encoded slash", path.replaceFirst("^(/[^/]+)/", "$1%2F"), form});
            cases.add(new String[] {rule.name() + " double slash, no trailing slash",
                    "/" + path.replaceAll("/$", ""), form});
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sensitiveRequests")
    void sensitiveRouteWhenSignedInWithoutStepUpThenChallenged(String name, String path, String form) {
        String session = sessions.cookie(sessions.start("alice", Set.of("otp"), "demo-session-alice")).getValue();
        GatewayClients.https(port).post().uri(URI.create("https://localhost:" + port + path))
                .accept(MediaType.APPLICATION_JSON).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .cookie("session_id", "demo-session-alice").cookie("__Host-guard-session", session)
                .bodyValue(form).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value("WWW-Authenticate", h -> assertThat(h)
                        .startsWith("Bearer error=\"insufficient_user_authentication\""))
                // which route to mint a step-up token for (a max-age 0 rule takes only its own)
                .expectBody().jsonPath("$.route").isEqualTo(name.split(" ", 2)[0]);
    }

    @Test
    void takeover2023WhenOnlyThePasswordThenNoneOfTheStepsReachesTheRegistry() {
        var registry = TestRegistry.registry().wireMock();
        int before = registry.findAll(postRequestedFor(urlPathMatching("/(manage|account/verify).*"))).size();
        var attacker = BrowserSessions.https(port);
        assertThat(attacker.login("alice", "alice-demo-password-1").getStatus().value()).isEqualTo(303);

        attacker.post("/manage/project/demo-project/collaboration/", "username=mallory", "role_name=Owner");
        attacker.post("/account/verify-project-role/", "token=t", "accept=1");
        attacker.post("/manage/project/demo-project/collaboration/delete/", "role_id=1", "confirm_username=alice");
        attacker.post("/manage/account/", "confirm_password=alice-demo-password-1");

        assertThat(registry.findAll(postRequestedFor(urlPathMatching("/(manage|account/verify).*")))).hasSize(before);
        assertThat(attacker.cookies()).doesNotContainKey("session_id");
    }

    @Test
    void factorChangeWhenSignedInWithoutStepUpThenChallenged() {
        String session = sessions.cookie(sessions.start("alice", Set.of("otp"), "demo-session-alice")).getValue();
        GatewayClients.https(port).get().uri("/manage/account/totp-provision").accept(MediaType.APPLICATION_JSON)
                .cookie("session_id", "demo-session-alice").cookie("__Host-guard-session", session).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void logoutWhenSignedInThenGuardSessionEnds() {
        String session = sessions.cookie(sessions.start("alice", Set.of("otp"), "demo-session-alice")).getValue();
        GatewayClients.https(port).post().uri("/account/logout/").accept(MediaType.TEXT_HTML)
                .cookie("session_id", "demo-session-alice").cookie("__Host-guard-session", session).exchange()
                .expectHeader().values("Set-Cookie", cookies -> assertThat(cookies)
                        .anySatisfy(c -> assertThat(c).startsWith("__Host-guard-session=;").contains("Max-Age=0")));
        assertThat(TestRegistry.registry().wireMock().findAll(anyRequestedFor(urlPathMatching("/account/logout/"))))
                .isNotEmpty();
    }
}
