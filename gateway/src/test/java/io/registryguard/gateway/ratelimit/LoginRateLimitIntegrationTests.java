package io.registryguard.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.registryguard.gateway.support.BehindLoadBalancerTest;
import io.registryguard.gateway.support.ClientAddresses;
import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.policy.Limit;
import io.registryguard.ratelimit.RateLimiter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * Login limits on the running gateway with a real Redis, against the demo registry (which, like Warehouse,
 * answers a wrong password with 200 and the form again, and a right one with 303 and a session cookie).
 */
@BehindLoadBalancerTest
class LoginRateLimitIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    RateLimiter limiter;

    LoginAttempts attempts;

    /** Other test classes log the demo users in (through another context on the same Redis): give them back. */
    @AfterEach
    void unlockDemoUsers() {
        for (String user : new String[] {"alice", "bob", "carol"}) {
            limiter.unlock(Limit.Key.USERNAME, user).block();
        }
    }

    @BeforeEach
    void setUp() {
        attempts = new LoginAttempts(GatewayClients.http(port));
    }

    private static String unknownUser() {
        return "nobody-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void loginWhenTenWrongPasswordsForOneUserThenEleventhRefusedWithoutReachingRegistry() {
        String user = unknownUser();
        String subnet = ClientAddresses.freshSubnet();
        for (int i = 1; i <= 10; i++) {
            // a new address each time: only the per-user budget is spent
            var answer = attempts.login(subnet + "." + i, user, "guess-" + i);
            assertThat(answer.getStatus().value()).as("attempt %d", i).isEqualTo(200);
            assertThat(answer.getResponseBody()).contains("No user found with that username");
        }

        var refused = attempts.login(ClientAddresses.freshSubnet() + ".1", user, "guess-11");

        assertThat(refused.getStatus().value()).isEqualTo(429);
        assertThat(LoginAttempts.reachedRegistry(user)).isEqualTo(10);
    }

    @Test
    void loginWhenSuccessfulThenNotChargedAndDeviceCookieIssued() {
        String ip = ClientAddresses.freshSubnet() + ".1";
        for (int i = 0; i < 12; i++) {
            var answer = attempts.login(ip, "carol", "carol-demo-password-3");
            assertThat(answer.getStatus().value()).as("login %d", i).isEqualTo(303);
        }
        var last = attempts.login(ip, "carol", "carol-demo-password-3");

        assertThat(last.getResponseHeaders().getOrEmpty("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("__Host-guard-device=")
                        .contains("Path=/").contains("Secure").containsIgnoringCase("HttpOnly").contains("SameSite=Strict"))
                // the registry's session waits for the second factor
                .noneMatch(c -> c.startsWith("session_id="));
    }

    @Test
    void loginWhenAddressSpentItsFailuresThenQuotaProblemForApiClientsWithRetryAfterAndNoBudgetHeaders() {
        String ip = ClientAddresses.freshSubnet() + ".9";
        for (int i = 0; i < 10; i++) {
            assertThat(attempts.login(ip, unknownUser(), "x").getStatus().value()).isEqualTo(200);
        }

        var refused = attempts.login(ip, unknownUser(), "x", null, MediaType.APPLICATION_JSON);

        assertThat(refused.getStatus().value()).isEqualTo(429);
        var headers = refused.getResponseHeaders();
        assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(headers.getFirst("Retry-After"))).isBetween(1L, 300L);
        assertThat(headers.headerNames()).noneMatch(h -> h.toLowerCase().startsWith("ratelimit")
                || h.toLowerCase().startsWith("x-ratelimit"));
        assertThat(refused.getResponseBody())
                .contains("\"type\":\"https://iana.org/assignments/http-problem-types#quota-exceeded\"")
                .contains("\"status\":429").contains("Too many attempts");
    }

    @Test
    void loginWhenRefusedAndBrowserThenReadablePage() {
        String ip = ClientAddresses.freshSubnet() + ".9";
        for (int i = 0; i < 10; i++) {
            attempts.login(ip, unknownUser(), "x");
        }

        var refused = attempts.login(ip, unknownUser(), "x", null, MediaType.TEXT_HTML);

        assertThat(refused.getStatus().value()).isEqualTo(429);
        assertThat(refused.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(refused.getResponseBody()).contains("<h1>").contains("Too many attempts. Please try again in");
    }

    @Test
    void refusalWhenUserExistsOrNotThenTheSameAnswer() {
        String subnet = ClientAddresses.freshSubnet();
        String ghost = unknownUser();
        for (int i = 1; i <= 10; i++) {
            attempts.login(subnet + "." + i, "alice", "wrong-" + i);
            attempts.login(subnet + "." + (100 + i), ghost, "wrong-" + i);
        }
        String ip = ClientAddresses.freshSubnet() + ".1";

        var existing = attempts.login(ip, "alice", "wrong", null, MediaType.APPLICATION_JSON);
        var missing = attempts.login(ip, ghost, "wrong", null, MediaType.APPLICATION_JSON);

        assertThat(existing.getStatus().value()).isEqualTo(429);
        assertThat(missing.getStatus().value()).isEqualTo(429);
        assertThat(existing.getResponseBody().replaceAll("\\d+", "N"))
                .isEqualTo(missing.getResponseBody().replaceAll("\\d+", "N"));
        assertThat(existing.getResponseHeaders().headerNames())
                .containsExactlyInAnyOrderElementsOf(missing.getResponseHeaders().headerNames());
    }

    @Test
    void loginWhenUsernameLockedByAttackerThenOwnerWithDeviceCookieStillGetsIn() {
        String owner = ClientAddresses.freshSubnet() + ".1";
        String device = LoginAttempts.deviceCookie(attempts.login(owner, "bob", "bob-demo-password-2"));
        assertThat(device).isNotNull();
        String attacker = ClientAddresses.freshSubnet();
        for (int i = 1; i <= 10; i++) {
            attempts.login(attacker + "." + i, "bob", "guess-" + i);
        }
        assertThat(attempts.login(owner, "bob", "bob-demo-password-2").getStatus().value())
                .as("bob without his device cookie").isEqualTo(429);

        var withDevice = attempts.login(owner, "bob", "bob-demo-password-2", device, MediaType.TEXT_HTML);

        assertThat(withDevice.getStatus().value()).isEqualTo(303);
        // the cookie is bound to its user: it does not lift someone else's lockout
        assertThat(attempts.login(owner, "BOB", "bob-demo-password-2", device, MediaType.TEXT_HTML).getStatus().value())
                .isEqualTo(303);
        assertThat(attempts.login(ClientAddresses.freshSubnet() + ".1", "alice-x", "x", device, MediaType.TEXT_HTML)
                .getStatus().value()).isEqualTo(200);
    }

    @Test
    void loginWhenDeviceCookieTamperedThenIgnored() {
        String owner = ClientAddresses.freshSubnet() + ".1";
        String device = LoginAttempts.deviceCookie(attempts.login(owner, "carol", "carol-demo-password-3"));
        String user = unknownUser();
        String attacker = ClientAddresses.freshSubnet();
        for (int i = 1; i <= 10; i++) {
            attempts.login(attacker + "." + i, user, "guess-" + i);
        }
        // carol's cookie, re-signed by nobody, for another user: the signature no longer matches
        String forged = device.substring(0, device.indexOf('.') - 2) + "AA" + device.substring(device.indexOf('.'));

        assertThat(attempts.login(owner, user, "x", forged, MediaType.TEXT_HTML).getStatus().value()).isEqualTo(429);
    }

    @Test
    void uploadWhenPasswordInsteadOfTokenThenRefusedAtTheGatewayAndRegistryNeverSeesIt() {
        var registry = io.registryguard.gateway.support.TestRegistry.registry().wireMock();
        int before = registry.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/legacy/"))).size();

        var refused = attempts.upload(ClientAddresses.freshSubnet() + ".1", unknownUser(), "hunter2");

        assertThat(refused.getStatus().value()).isEqualTo(403);
        assertThat(refused.getResponseBody()).contains("Use an API token").doesNotContain("hunter2");
        assertThat(registry.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/legacy/")))).hasSize(before);
    }

    @Test
    void uploadWhenApiTokensThenPassedThroughAndNeverCharged() {
        String tokens = ClientAddresses.freshSubnet() + ".1";
        for (int i = 0; i < 12; i++) {
            assertThat(attempts.upload(tokens, "__token__", "pypi-valid-" + i).getStatus().value()).isEqualTo(200);
        }
        // wrong tokens are the registry's 403s, charged to the address (tokens name no user)
        for (int i = 0; i < 10; i++) {
            assertThat(attempts.upload(tokens, "__token__", "not-a-token-" + i).getStatus().value()).isEqualTo(403);
        }
        assertThat(attempts.upload(tokens, "__token__", "pypi-valid").getStatus().value()).isEqualTo(429);
    }
}
