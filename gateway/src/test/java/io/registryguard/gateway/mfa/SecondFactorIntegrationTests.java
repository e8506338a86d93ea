package io.registryguard.gateway.mfa;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.GatewayIntegrationTest;
import io.registryguard.gateway.support.TestMail;
import io.registryguard.gateway.support.TestRegistry;
import io.registryguard.gateway.support.Totps;
import io.registryguard.mfa.SecondFactorService;
import io.registryguard.mfa.TotpProvisioning;
import io.registryguard.session.GuardSessionCookies;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * A password alone never produces a usable registry session (2023, 2024): against the demo registry (WireMock),
 * GreenMail and a real Redis.
 */
@GatewayIntegrationTest
class SecondFactorIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    SecondFactorService factors;

    @Autowired
    GuardSessionCookies sessions;

    BrowserSession browser;

    @BeforeEach
    void setUp() {
        browser = new BrowserSession(GatewayClients.https(port));
    }

    /** Enrolls {@code account} directly (as if done before) and returns its TOTP secret. */
    private String enrolled(String account) {
        TotpProvisioning provisioning = factors.enrollTotp(account);
        String secret = provisioning.secret().base32();
        factors.confirmTotp(account, provisioning.secret(), Totps.code(secret, Instant.now().minusSeconds(30))).block();
        return secret;
    }

    @Test
    void loginWhenPasswordAcceptedThenNoRegistryCookieReachesTheBrowser() {
        var answer = browser.login("bob", "bob-demo-password-2");

        assertThat(answer.getStatus().value()).isEqualTo(303);
        assertThat(BrowserSession.location(answer)).hasToString("/_guard/2fa");
        assertThat(BrowserSession.setCookies(answer)).noneMatch(c -> c.startsWith("session_id="))
                .noneMatch(c -> c.startsWith("user_id__insecure="))
                .anySatisfy(c -> assertThat(c).startsWith("__Host-guard-pending=").contains("Secure")
                        .containsIgnoringCase("HttpOnly").contains("SameSite=Strict").contains("Path=/"));
    }

    @Test
    void loginWhenTotpRightThenRegistryCookiesReleasedAndSessionUsableAndReplayRefused() {
        String secret = enrolled("alice");
        browser.login("alice", "alice-demo-password-1");
        var page = browser.get("/_guard/2fa");
        assertThat(page.getResponseBody()).contains("authenticator app");
        assertThat(page.getResponseHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.getResponseHeaders().getCacheControl()).isEqualTo("no-store");

        var wrong = browser.post("/_guard/2fa", "csrf", BrowserSession.csrf(page), "code", "000000");
        assertThat(wrong.getResponseBody()).contains("That code did not work");
        assertThat(BrowserSession.setCookies(wrong)).noneMatch(c -> c.startsWith("session_id="));

        String code = Totps.code(secret, Instant.now());
        var done = browser.post("/_guard/2fa", "csrf", BrowserSession.csrf(page), "code", code);

        assertThat(done.getStatus().value()).isEqualTo(303);
        assertThat(BrowserSession.location(done)).hasToString("/manage/projects/");
        assertThat(BrowserSession.setCookies(done))
                .anySatisfy(c -> assertThat(c).startsWith("session_id=demo-session-alice"))
                .anySatisfy(c -> assertThat(c).startsWith("__Host-guard-session=").contains("Secure")
                        .containsIgnoringCase("HttpOnly").contains("SameSite=Strict").contains("Path=/"));
        browser.get("/manage/account/");
        assertThat(browser.get("/manage/account/").getStatus().value()).isEqualTo(200);

        var again = new BrowserSession(GatewayClients.https(port));
        again.login("alice", "alice-demo-password-1");
        var replay = again.post("/_guard/2fa", "csrf", BrowserSession.csrf(again.get("/_guard/2fa")), "code", code);
        assertThat(replay.getResponseBody()).contains("That code did not work");
        assertThat(again.cookies).doesNotContainKey("session_id");
    }

    @Test
    void loginWhenRecoveryCodeThenWorksExactlyOnce() {
        TotpProvisioning provisioning = factors.enrollTotp("bob");
        var codes = factors.confirmTotp("bob", provisioning.secret(),
                Totps.code(provisioning.secret().base32(), Instant.now())).block();
        try {
            String recovery = codes.codes().get(3);
            browser.login("bob", "bob-demo-password-2");
            var used = browser.post("/_guard/2fa", "csrf", BrowserSession.csrf(browser.get("/_guard/2fa")),
                    "code", recovery.toUpperCase());
            assertThat(used.getStatus().value()).isEqualTo(303);
            assertThat(browser.cookies).containsKey("session_id");

            var other = new BrowserSession(GatewayClients.https(port));
            other.login("bob", "bob-demo-password-2");
            var reused = other.post("/_guard/2fa", "csrf", BrowserSession.csrf(other.get("/_guard/2fa")),
                    "code", recovery);
            assertThat(reused.getResponseBody()).contains("That code did not work");
        } finally {
            factors.reset("bob").block();
        }
    }

    @Test
    void newAccountWhenEmailCodeThenEnrollmentThenLoginCompletes() throws Exception {
        factors.reset("carol").block();
        browser.login("carol", "carol-demo-password-3");
        var intro = browser.get("/_guard/2fa");
        assertThat(intro.getResponseBody()).contains("prove that you control the email address");

        var sent = browser.post("/_guard/2fa/email", "csrf", BrowserSession.csrf(intro));
        assertThat(sent.getResponseBody()).contains("We sent a code to").doesNotContain("carol@example.test");
        var verified = browser.post("/_guard/2fa/email/verify", "csrf", BrowserSession.csrf(sent),
                "code", TestMail.lastCode("carol@example.test"));
        assertThat(BrowserSession.location(verified)).hasToString("/_guard/2fa/enroll");

        var enroll = browser.get("/_guard/2fa/enroll");
        assertThat(enroll.getResponseBody()).contains("<svg");
        Matcher secret = Pattern.compile("class=\"secret\">([A-Z2-7]+)<").matcher(enroll.getResponseBody());
        assertThat(secret.find()).isTrue();
        var done = browser.post("/_guard/2fa/enroll", "csrf", BrowserSession.csrf(enroll),
                "code", Totps.code(secret.group(1), Instant.now()));

        assertThat(done.getStatus().value()).isEqualTo(200);
        assertThat(done.getResponseBody()).contains("Save your recovery codes");
        assertThat(BrowserSession.setCookies(done)).anySatisfy(c -> assertThat(c).startsWith("session_id="));
        assertThat(factors.hasFactor("carol").block()).isTrue();
        factors.reset("carol").block();
    }

    @Test
    void enrollmentWhenEmailNotProvenThenImpossibleEvenByPostingDirectly() {
        factors.reset("bob").block();
        browser.login("bob", "bob-demo-password-2");
        var intro = browser.get("/_guard/2fa");
        String csrf = BrowserSession.csrf(intro);

        assertThat(BrowserSession.location(browser.get("/_guard/2fa/enroll"))).hasToString("/_guard/2fa");
        var posted = browser.post("/_guard/2fa/enroll", "csrf", csrf, "code", "123456");

        assertThat(posted.getStatus().value()).isEqualTo(303);
        assertThat(BrowserSession.location(posted)).hasToString("/_guard/2fa");
        assertThat(browser.cookies).doesNotContainKey("session_id");
        assertThat(factors.hasFactor("bob").block()).isFalse();
    }

    @Test
    void pendingCookieWhenTamperedOrMissingThenCleanRestartOfLogin() {
        browser.login("bob", "bob-demo-password-2");
        browser.cookies.put("__Host-guard-pending", browser.cookies.get("__Host-guard-pending") + "x");
        assertThat(browser.get("/_guard/2fa").getResponseBody()).contains("Please sign in again");

        var fresh = new BrowserSession(GatewayClients.https(port));
        assertThat(BrowserSession.location(fresh.get("/_guard/2fa"))).hasToString("/account/login/");
        var forged = fresh.post("/_guard/2fa", "csrf", "00", "code", "123456");
        assertThat(forged.getStatus().value()).isEqualTo(303);
        assertThat(fresh.cookies).doesNotContainKey("session_id");
    }

    @Test
    void crossSiteLinkWhenGuardCookieWithheldByTheBrowserThenPageShownAnonymouslyAndSessionKept() {
        var registry = TestRegistry.registry().wireMock();
        int before = registry.findAll(getRequestedFor(urlEqualTo("/project/demo-project/"))).size();

        var answer = GatewayClients.https(port).get().uri("/project/demo-project/").accept(MediaType.TEXT_HTML)
                .header("Sec-Fetch-Site", "cross-site").cookie("session_id", "demo-session-alice")
                .exchange().expectBody(String.class).returnResult();

        assertThat(answer.getStatus().value()).isEqualTo(200);
        assertThat(BrowserSession.setCookies(answer)).noneMatch(c -> c.startsWith("session_id="));
        var forwarded = registry.findAll(getRequestedFor(urlEqualTo("/project/demo-project/")));
        assertThat(forwarded).hasSize(before + 1);
        assertThat(forwarded.get(forwarded.size() - 1).getCookies()).doesNotContainKey("session_id");
    }

    @Test
    void registrySessionMadeWithoutTheGatewayThenRefusedAndNeverForwarded() {
        var registry = TestRegistry.registry().wireMock();
        int before = registry.findAll(getRequestedFor(urlEqualTo("/manage/account/"))).size();

        var browserAnswer = GatewayClients.https(port).get().uri("/manage/account/").accept(MediaType.TEXT_HTML)
                .cookie("session_id", "demo-session-alice").exchange().expectBody(String.class).returnResult();
        var apiAnswer = GatewayClients.https(port).get().uri("/manage/account/").accept(MediaType.APPLICATION_JSON)
                .cookie("session_id", "demo-session-alice").exchange().expectBody(String.class).returnResult();
        // a guard session released for another registry session does not fit this one
        String otherSession = sessions.cookie(sessions.start("alice", Set.of("otp"), "demo-session-bob")).getValue();
        var mismatched = GatewayClients.https(port).get().uri("/manage/account/").accept(MediaType.APPLICATION_JSON)
                .cookie("session_id", "demo-session-alice").cookie("__Host-guard-session", otherSession)
                .exchange().expectBody(String.class).returnResult();

        assertThat(browserAnswer.getStatus().value()).isEqualTo(303);
        assertThat(browserAnswer.getResponseHeaders().getLocation()).hasToString("/account/login/");
        assertThat(BrowserSession.setCookies(browserAnswer)).anySatisfy(c -> assertThat(c)
                .startsWith("session_id=").contains("Max-Age=0"));
        assertThat(apiAnswer.getStatus().value()).isEqualTo(401);
        assertThat(apiAnswer.getResponseBody()).contains("second factor");
        assertThat(mismatched.getStatus().value()).isEqualTo(401);
        assertThat(registry.findAll(getRequestedFor(urlEqualTo("/manage/account/")))).hasSize(before);
    }
}
