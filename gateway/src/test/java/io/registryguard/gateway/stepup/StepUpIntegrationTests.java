package io.registryguard.gateway.stepup;

import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.GatewayIntegrationTest;
import io.registryguard.gateway.support.TestRegistry;
import io.registryguard.gateway.support.Totps;
import io.registryguard.mfa.SecondFactorService;
import io.registryguard.mfa.TotpProvisioning;
import io.registryguard.session.GuardSessionCookies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Sensitive routes need a fresh second factor (2023), for API clients (RFC 9470) and browsers (stash and replay). */
@GatewayIntegrationTest
class StepUpIntegrationTests {

    static final String INVITE = "/manage/project/demo-project/collaboration/";
    static final String DELETE_PROJECT = "/manage/project/demo-project/delete_project/";
    static final String CHALLENGE = "Bearer error=\"insufficient_user_authentication\", error_description=\"A fresh"
            + " second factor is required for this action\", max_age=300, acr_values=\"otp hwk\"";

    @LocalServerPort
    int port;

    @Autowired
    SecondFactorService factors;

    @Autowired
    GuardSessionCookies sessions;

    WebTestClient client;
    WireMockServer registry;
    String guardCookie;
    Iterator<String> recoveryCodes;

    @BeforeEach
    void setUp() {
        client = GatewayClients.https(port);
        registry = TestRegistry.registry().wireMock();
        TotpProvisioning provisioning = factors.enrollTotp("alice");
        recoveryCodes = factors.confirmTotp("alice", provisioning.secret(),
                Totps.code(provisioning.secret().base32(), Instant.now().minusSeconds(30))).block().codes().iterator();
        guardCookie = sessions.cookie(sessions.start("alice", Set.of("otp"), "demo-session-alice")).getValue();
    }

    private WebTestClient.RequestBodySpec post(String path, MediaType accept) {
        return client.post().uri(URI.create("https://localhost:" + port + path)).accept(accept)
                .cookie("session_id", "demo-session-alice").cookie("__Host-guard-session", guardCookie);
    }

    private int registryPosts(String path) {
        return registry.findAll(postRequestedFor(urlEqualTo(path))).size();
    }

    /** A token minted for {@code route} through the API, with a fresh recovery code. */
    private String apiToken(String route) {
        return post("/_guard/step-up", MediaType.APPLICATION_JSON).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"code\":\"" + recoveryCodes.next() + "\",\"route\":\"" + route + "\"}").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()
                .replaceAll("(?s).*\"token\":\"([^\"]+)\".*", "$1");
    }

    private WebTestClient.ResponseSpec deleteProject(String token) {
        return post(DELETE_PROJECT, MediaType.APPLICATION_JSON).header("X-Guard-Step-Up", token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("confirm_project_name=demo-project")
                .exchange();
    }

    @Test
    void inviteWhenApiClientWithoutTokenThenRfc9470ChallengeAndRegistryUntouched() {
        int before = registryPosts(INVITE);
        post(INVITE, MediaType.APPLICATION_JSON).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=mallory&role_name=Owner").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", CHALLENGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.route").isEqualTo("collaboration-invite")
                .jsonPath("$.step_up_endpoint").isEqualTo("/_guard/step-up")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("route=collaboration-invite"));
        assertThat(registryPosts(INVITE)).isEqualTo(before);
    }

    @Test
    void deleteProjectWhenTokenMintedForTokenCreationThenRefusedAndTheChallengeNamesDeleteProject() {
        // issue 11: a token-creation step-up was accepted 20 s later for delete_project (max-age 0s, single-use)
        String token = apiToken("token-create");
        int before = registryPosts(DELETE_PROJECT);

        deleteProject(token).expectStatus().isUnauthorized()
                .expectHeader().value("WWW-Authenticate", h -> assertThat(h).contains("max_age=0"))
                .expectBody().jsonPath("$.route").isEqualTo("delete-project");

        assertThat(registryPosts(DELETE_PROJECT)).isEqualTo(before);
    }

    @Test
    void deleteProjectWhenTokenMintedForDeleteProjectThenForwardedOnce() {
        String token = apiToken("delete-project");
        int before = registryPosts(DELETE_PROJECT);

        deleteProject(token).expectStatus().isSeeOther();
        deleteProject(token).expectStatus().isUnauthorized();

        assertThat(registryPosts(DELETE_PROJECT)).isEqualTo(before + 1);
    }

    @Test
    void inviteWhenTokenMintedForAnotherRouteThenAcceptedUnderItsFiveMinutes() {
        String token = apiToken("delete-project");
        int before = registryPosts(INVITE);

        post(INVITE, MediaType.APPLICATION_JSON).header("X-Guard-Step-Up", token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("username=bob&role_name=Maintainer")
                .exchange().expectStatus().isSeeOther();

        assertThat(registryPosts(INVITE)).isEqualTo(before + 1);
    }

    @Test
    void stepUpWhenApiClientPostsAFormWithTheRouteThenTokenForThatRoute() {
        post("/_guard/step-up", MediaType.APPLICATION_JSON).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("code=" + recoveryCodes.next() + "&route=delete-project").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody().jsonPath("$.route").isEqualTo("delete-project")
                .jsonPath("$.header").isEqualTo("X-Guard-Step-Up")
                .jsonPath("$.token").isNotEmpty();
    }

    @Test
    void stepUpWhenApiClientNamesNoRouteThenBadRequestListingTheRoutesAndNoCodeSpent() {
        String code = recoveryCodes.next();
        for (String body : new String[] {"{\"code\":\"" + code + "\"}", "{\"code\":\"" + code + "\",\"route\":\"nope\"}",
                "{\"code\":\"" + code + "\",\"route\":\"login\"}"}) {
            post("/_guard/step-up", MediaType.APPLICATION_JSON).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail").value(d -> assertThat((String) d).contains("route=")
                            .contains("delete-project").contains("collaboration-invite"))
                    .jsonPath("$.routes").value(r -> assertThat((java.util.List<Object>) r)
                            .contains("delete-project", "account-delete", "totp-provision").doesNotContain("login"));
        }
        // the code was never tried, so it still works
        post("/_guard/step-up", MediaType.APPLICATION_JSON).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"code\":\"" + code + "\",\"route\":\"delete-project\"}").exchange()
                .expectStatus().isOk();
    }

    @Test
    void inviteWhenApiClientRetriesWithStepUpTokenThenForwardedWithoutTheToken() {
        String token = apiToken("collaboration-invite");
        int before = registryPosts(INVITE);

        post(INVITE, MediaType.APPLICATION_JSON).header("X-Guard-Step-Up", token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("username=bob&role_name=Maintainer")
                .exchange().expectStatus().isSeeOther();

        var received = registry.findAll(postRequestedFor(urlEqualTo(INVITE)));
        assertThat(received).hasSize(before + 1);
        assertThat(received.get(received.size() - 1).containsHeader("X-Guard-Step-Up")).isFalse();
    }

    @Test
    void accountDeletionWhenTokenUsedOnceThenTheSecondUseIsRefused() {
        String token = apiToken("account-delete");
        post("/manage/account/", MediaType.APPLICATION_JSON).header("X-Guard-Step-Up", token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("confirm_password=x")
                .exchange().expectStatus().isSeeOther();
        post("/manage/account/", MediaType.APPLICATION_JSON).header("X-Guard-Step-Up", token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("confirm_password=x")
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void inviteWhenBrowserThenStashedStepUpPageAndReplayedOnceWithTheOriginalBody() {
        byte[] form = "csrf_token=abc&username=bob&role_name=Maintainer".getBytes(StandardCharsets.US_ASCII);
        int before = registryPosts(INVITE);

        EntityExchangeResult<String> redirected = post(INVITE, MediaType.TEXT_HTML)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue(form)
                .exchange().expectStatus().isSeeOther().expectBody(String.class).returnResult();
        String location = redirected.getResponseHeaders().getLocation().toString();
        assertThat(location).startsWith("/_guard/step-up?r=");
        assertThat(registryPosts(INVITE)).isEqualTo(before);

        String page = client.get().uri(location).accept(MediaType.TEXT_HTML)
                .cookie("session_id", "demo-session-alice").cookie("__Host-guard-session", guardCookie)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("POST " + INVITE);
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        String r = location.substring(location.indexOf("r=") + 2);

        post("/_guard/step-up", MediaType.TEXT_HTML).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("csrf=" + csrf.group(1) + "&r=" + r + "&code=" + recoveryCodes.next())
                .exchange().expectStatus().isSeeOther()
                .expectHeader().valueEquals("Location", INVITE);

        assertThat(registry.findAll(postRequestedFor(urlEqualTo(INVITE)).withRequestBody(binaryEqualTo(form))))
                .hasSize(1);
        assertThat(registryPosts(INVITE)).isEqualTo(before + 1);
        // the stash is gone: a second submission of the same step-up replays nothing and mints nothing
        post("/_guard/step-up", MediaType.TEXT_HTML).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("csrf=" + csrf.group(1) + "&r=" + r + "&code=" + recoveryCodes.next())
                .exchange().expectStatus().isOk()
                .expectHeader().doesNotExist("Set-Cookie")
                .expectBody(String.class).value(again -> assertThat(again).contains("no longer waiting"));
        assertThat(registryPosts(INVITE)).isEqualTo(before + 1);
    }

    @Test
    void sensitivePathVariantsWhenNoTokenThenEachChallenged() {
        for (String variant : new String[] {"/Manage/Project/demo-project/collaboration/",
                "/manage/project/demo-project//collaboration", "/manage/project/demo-project/./collaboration/",
                "/manage/project/demo-project/collaboration;x=1/", "/manage/project/demo%2Dproject/collaboration/",
                "/manage%2Fproject/demo-project/collaboration/"}) {
            post(variant, MediaType.APPLICATION_JSON).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .bodyValue("username=mallory&role_name=Owner").exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueEquals("WWW-Authenticate", CHALLENGE);
        }
    }

    @Test
    void inviteWhenOnlyThePasswordThenNeverReachesTheRegistry() {
        int before = registryPosts(INVITE);
        client.post().uri(INVITE).accept(MediaType.APPLICATION_JSON).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=mallory&role_name=Owner").exchange().expectStatus().isUnauthorized();
        assertThat(registryPosts(INVITE)).isEqualTo(before);
    }

    @Test
    void metricsWhenStepUpsAndSensitiveActionsThenCounted(
            @org.springframework.boot.test.web.server.LocalManagementPort int managementPort) {
        String token = apiToken("collaboration-invite");
        post(INVITE, MediaType.APPLICATION_JSON).header("X-Guard-Step-Up", token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("username=bob&role_name=Maintainer")
                .exchange().expectStatus().isSeeOther();

        GatewayClients.http(managementPort).get().uri("/actuator/prometheus").exchange()
                .expectBody(String.class).value(scrape -> assertThat(scrape)
                        .containsPattern("guard_stepup_total\\{result=\"granted\"\\} [1-9]")
                        .containsPattern("guard_sensitive_actions_total\\{decision=\"allowed\"\\} [1-9]"));
    }

    @Test
    void jwksWhenFetchedThenPublicKeysOnly() {
        client.get().uri("/_guard/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectBody(String.class).value(jwks -> assertThat(jwks).contains("\"kty\":\"EC\"")
                        .contains("\"kid\"").doesNotContain("\"d\""));
    }
}
