package io.registryguard.gateway.session;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.GatewayIntegrationTest;
import io.registryguard.gateway.support.TestRegistry;
import io.registryguard.session.GuardSessionCookies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Issue 11, items 4 and 9, through the real gateway over HTTP/2 (which forbids whitespace at either end of a header
 * value, so spellings put it inside): alice's stolen registry session, spelled as a
 * lenient registry would still honour it, never reaches the demo registry (no page, no TOTP provisioning, no
 * logout), with or without bob's own completed login beside it.
 */
@GatewayIntegrationTest
class CookieSpellingIntegrationTests {

    private static final String VICTIM = "demo-session-alice";

    /** A page naming the account, registry-side TOTP provisioning, logout, and a public page. */
    private static final List<String[]> REQUESTS = List.of(new String[] {"GET", "/manage/account/"},
            new String[] {"POST", "/manage/account/totp-provision"}, new String[] {"GET", "/account/logout/"},
            new String[] {"POST", "/account/logout/"}, new String[] {"GET", "/simple/"});

    @LocalServerPort
    int port;

    @Autowired
    GuardSessionCookies sessions;

    private String bobGuard() {
        return sessions.cookie(sessions.start("bob", Set.of("otp"), "demo-session-bob")).getValue();
    }

    @Test
    void stolenSessionWhenSpelledAnyWayThenRefusedOnEveryRouteAndTheRegistryNeverSeesIt() {
        String bob = bobGuard();
        List<String> spellings = List.of("session_id =" + VICTIM, "session_id= " + VICTIM,
                "pref=1;\t session_id=" + VICTIM, "session_id=\"" + VICTIM + "\"", "session_id\t=\t" + VICTIM,
                "Session_Id=" + VICTIM, "pref=1, session_id=" + VICTIM, "session%5Fid=" + VICTIM,
                // bob's own session beside the victim's: the guard would check bob, a registry could act as alice
                "session_id =" + VICTIM + "; session_id=demo-session-bob; __Host-guard-session=" + bob,
                "session_id=demo-session-bob; __Host-guard-session=" + bob + "; SESSION_ID=" + VICTIM);
        int before = carryingVictim().size();

        for (String cookie : spellings) {
            for (String[] request : REQUESTS) {
                for (MediaType accept : List.of(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON)) {
                    int status = send(request[0], request[1], cookie, accept);
                    assertThat(status).as("%s %s with %s", request[0], request[1], cookie).isIn(303, 400, 401);
                }
            }
        }

        assertThat(carryingVictim()).hasSize(before);
    }

    @Test
    void stolenSessionWhenHiddenInsideAnotherCookieThenNotForwarded() {
        int before = carryingVictim().size();

        // WebOb and Python's http.cookies would find session_id here; the guard forwards no such cookie at all
        for (String cookie : List.of("pref=x session_id=" + VICTIM, "pref=[session_id=" + VICTIM,
                "pref=\"x\"session_id=" + VICTIM)) {
            for (String[] request : REQUESTS) {
                int status = send(request[0], request[1], cookie, MediaType.TEXT_HTML);
                assertThat(status).as("%s %s with %s", request[0], request[1], cookie).isLessThan(500);
            }
        }

        assertThat(carryingVictim()).hasSize(before);
    }

    @Test
    void signedInWhenCookiesSpelledLenientlyThenTheRegistryGetsTheCanonicalHeader() {
        String bob = bobGuard();

        int status = send("GET", "/manage/account/",
                "session_id = \"demo-session-bob\" ;pref=1, __Host-guard-session=" + bob + "; junk=a b",
                MediaType.TEXT_HTML);

        assertThat(status).isEqualTo(200);
        List<LoggedRequest> seen = TestRegistry.registry().wireMock()
                .findAll(getRequestedFor(urlEqualTo("/manage/account/")));
        assertThat(seen.get(seen.size() - 1).getHeaders().getHeader(HttpHeaders.COOKIE).values())
                .containsExactly("session_id=demo-session-bob; pref=1; __Host-guard-session=" + bob);
    }

    private int send(String method, String path, String cookie, MediaType accept) {
        var spec = GatewayClients.https(port).method(HttpMethod.valueOf(method)).uri(path).accept(accept)
                .header(HttpHeaders.COOKIE, cookie);
        var response = method.equals("POST")
                ? spec.contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("totp_value=123456").exchange()
                : spec.exchange();
        return response.expectBody().returnResult().getStatus().value();
    }

    private static List<LoggedRequest> carryingVictim() {
        return TestRegistry.registry().wireMock().findAll(anyRequestedFor(anyUrl())).stream()
                .filter(r -> r.getHeaders().getHeader(HttpHeaders.COOKIE).isPresent()
                        && r.getHeaders().getHeader(HttpHeaders.COOKIE).values().stream().anyMatch(v -> v.contains(VICTIM)))
                .toList();
    }
}
