package io.registryguard.gateway.risk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.WireMockServer;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.registryguard.audit.AuditEvent;
import io.registryguard.audit.AuditQuery;
import io.registryguard.audit.AuditTrail;
import io.registryguard.gateway.mfa.BrowserSessions;
import io.registryguard.gateway.policy.ActivePolicy;
import io.registryguard.gateway.redis.GuardRedis;
import io.registryguard.gateway.support.BehindLoadBalancerTest;
import io.registryguard.gateway.support.ClientAddresses;
import io.registryguard.gateway.support.TestMail;
import io.registryguard.gateway.support.TestRegistry;
import io.registryguard.gateway.support.Totps;
import io.registryguard.mfa.SecondFactorService;
import io.registryguard.mfa.TotpProvisioning;
import io.registryguard.sequence.HistoryKey;
import io.registryguard.sequence.SensitiveEvent;
import io.registryguard.sequence.SequenceHistory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Risk scoring on the shared gateway, risk on (the other test classes run with it off), Redis counters, the demo
 * registry, Have I Been Pwned served by WireMock. Each test writes its own thresholds into the policy file.
 */
@BehindLoadBalancerTest
class RiskIntegrationTests {

    private static final String SCRIPT = "python-requests/2.31.0";
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
    private static final WireMockServer HIBP = new WireMockServer(wireMockConfig().dynamicPort());

    @LocalServerPort
    int port;

    @Autowired
    ActivePolicy policy;

    @Autowired
    GuardRedis redis;

    @Autowired
    SecondFactorService factors;

    @Autowired
    AuditTrail audit;

    @Autowired
    MeterRegistry meters;

    @Autowired
    SequenceHistory history;

    @BeforeAll
    static void startHibp() {
        HIBP.start();
    }

    @AfterAll
    static void stopHibp() {
        HIBP.stop();
    }

    @BeforeEach
    void forgetCounters() {
        var sync = redis.connection().sync();
        List<byte[]> keys = sync.keys("guard:risk:*");
        if (!keys.isEmpty()) {
            sync.del(keys.toArray(new byte[0][]));
        }
        TestRegistry.registry().resetRequests();
        HIBP.resetAll();
    }

    @AfterEach
    void riskOff() {
        TestRegistry.restorePolicy();
        policy.checkNow(java.time.Clock.systemUTC());
        factors.reset("alice").block();
        factors.reset("carol").block();
    }

    private void risk(UnaryOperator<String> edit) {
        TestRegistry.policyWithRisk(edit);
        assertThat(policy.checkNow(java.time.Clock.systemUTC()).toString()).doesNotContain("rejected");
        assertThat(policy.get().risk().enabled()).isTrue();
    }

    private static UnaryOperator<String> thresholds(String value) {
        return p -> p.replace("thresholds: {require-email: 30, throttle: 60, block: 100, throttle-delay: 2s}",
                "thresholds: " + value);
    }

    private BrowserSessions browser(String subnet, String userAgent, boolean browserHeaders) {
        BrowserSessions browser = BrowserSessions.http(port).header("X-Forwarded-For", subnet + ".10")
                .header("User-Agent", userAgent);
        if (browserHeaders) {
            browser.header("Origin", "http://localhost:" + port).header("Sec-Fetch-Site", "same-origin")
                    .header("Sec-Fetch-Mode", "navigate").header("Accept-Language", "en-GB,en;q=0.8");
        }
        return browser;
    }

    private String enrolled(String account) {
        TotpProvisioning provisioning = factors.enrollTotp(account);
        String secret = provisioning.secret().base32();
        factors.confirmTotp(account, provisioning.secret(), Totps.code(secret, Instant.now().minusSeconds(30))).block();
        return secret;
    }

    private List<LoggedRequest> registryLogins(String username) {
        return TestRegistry.registry().wireMock().findAll(postRequestedFor(urlEqualTo("/account/login/"))).stream()
                .filter(r -> r.getBodyAsString().contains("username=" + username)).toList();
    }

    private List<AuditEvent> events(String account) {
        return audit.query(AuditQuery.newest(50).withAccount(account)).collectList().block();
    }

    @Test
    void loginWhenScriptWalksUsernamesThenBlockedWith403AndTheRegistryNeverSeesIt() {
        risk(thresholds("{require-email: 30, throttle: 60, block: 80, throttle-delay: 0s}")
                .andThen(p -> p.replace("username-traversal: {window: 1h, bucket: 5m, ip-threshold: 10,",
                        "username-traversal: {window: 1h, bucket: 5m, ip-threshold: 3,"))::apply);
        BrowserSessions script = browser(ClientAddresses.freshSubnet(), SCRIPT, false);

        script.login("walk-1", "x");
        script.login("walk-2", "x");
        EntityExchangeResult<String> third = script.login("walk-3", "x");

        assertThat(third.getStatus().value()).isEqualTo(403);
        assertThat(third.getResponseBody()).contains("looks automated")
                .doesNotContain("username-traversal").doesNotContain("scripted-client");
        assertThat(registryLogins("walk-1")).hasSize(1);
        assertThat(registryLogins("walk-3")).isEmpty();
        assertThat(events("walk-3")).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("login.refused");
            assertThat(event.reasons()).containsExactly("risk");
            assertThat(event.details()).containsEntry("risk-action", "block")
                    .containsEntry("risk-reasons", "username-traversal-ip,scripted-client,missing-browser-headers");
        });
        assertThat(meters.get("guard.risk.decisions").tags("action", "block", "reason", "username-traversal-ip")
                .counter().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void loginWhenScoreReachesThrottleThenForwardedLateAndCountedAsThrottled() {
        risk(thresholds("{require-email: 30, throttle: 40, block: 200, throttle-delay: 100ms}"));
        double before = meters.counter("guard.risk.decisions", "action", "throttle", "reason", "scripted-client")
                .count();

        EntityExchangeResult<String> answer = browser(ClientAddresses.freshSubnet(), SCRIPT, false)
                .login("throttled-" + System.nanoTime(), "x");

        assertThat(answer.getStatus().value()).isEqualTo(200); // the registry's own failure page, after the delay
        assertThat(meters.counter("guard.risk.decisions", "action", "throttle", "reason", "scripted-client").count())
                .isEqualTo(before + 1);
    }

    @Test
    void loginWhenUnusualThenEmailCodeRequiredBeforeTheFactorEvenWithACorrectCode() {
        risk(UnaryOperator.identity()); // the shipped thresholds: a script without browser headers scores 45
        String secret = enrolled("alice");
        BrowserSessions curl = browser(ClientAddresses.freshSubnet(), "curl/8.5.0", false);

        assertThat(curl.login("alice", "alice-demo-password-1").getStatus().value()).isEqualTo(303);
        EntityExchangeResult<String> confirm = curl.get("/_guard/2fa");
        assertThat(confirm.getResponseBody()).contains("Confirm this sign-in").doesNotContain("curl");

        EntityExchangeResult<String> early = curl.post("/_guard/2fa", "csrf=" + BrowserSessions.csrf(confirm),
                "code=" + Totps.code(secret, Instant.now()));
        assertThat(BrowserSessions.location(early)).hasToString("/_guard/2fa");
        assertThat(curl.cookies()).doesNotContainKey("session_id");

        EntityExchangeResult<String> sent = curl.post("/_guard/2fa/email", "csrf=" + BrowserSessions.csrf(confirm));
        assertThat(sent.getResponseBody()).contains("We sent a code to");
        EntityExchangeResult<String> verified = curl.post("/_guard/2fa/email/verify",
                "csrf=" + BrowserSessions.csrf(sent), "code=" + TestMail.lastCode("alice@example.test"));
        assertThat(BrowserSessions.location(verified)).hasToString("/_guard/2fa");
        EntityExchangeResult<String> codePage = curl.get("/_guard/2fa");
        assertThat(codePage.getResponseBody()).contains("authenticator app");

        EntityExchangeResult<String> done = curl.post("/_guard/2fa", "csrf=" + BrowserSessions.csrf(codePage),
                "code=" + Totps.code(secret, Instant.now().plusSeconds(30)));
        assertThat(done.getStatus().value()).isEqualTo(303);
        assertThat(curl.cookies()).containsKey("session_id");
        assertThat(events("alice")).anySatisfy(event -> {
            assertThat(event.type()).isEqualTo("login.success");
            assertThat(event.details()).containsEntry("risk-action", "require-email")
                    .containsEntry("risk-score", "45");
        });
    }

    @Test
    void loginWhenOrdinaryBrowserThenOnlyTheFactor() {
        risk(UnaryOperator.identity());
        enrolled("alice");
        BrowserSessions firefox = browser(ClientAddresses.freshSubnet(), FIREFOX, true);

        firefox.login("alice", "alice-demo-password-1");

        assertThat(firefox.get("/_guard/2fa").getResponseBody()).contains("authenticator app")
                .doesNotContain("Confirm this sign-in");
    }

    @Test
    void breachedPasswordWhenTheRegistryAcceptedItThenEmailRequiredAndOnlyTheHashPrefixSent() {
        risk(p -> p.replace("source: off, weight: 30, hibp-url: \"https://api.pwnedpasswords.com\", timeout: 800ms",
                "source: hibp, weight: 30, hibp-url: \"" + HIBP.baseUrl() + "\", timeout: 800ms"));
        String sha1 = sha1("alice-demo-password-1");
        HIBP.stubFor(get(urlEqualTo("/range/" + sha1.substring(0, 5))).willReturn(aResponse().withBody(
                "0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n" + sha1.substring(5) + ":3303003\r\n"
                        + "00D4F6E8FA6EECAD2A3AA415EEC418D38EC:0\r\n")));
        enrolled("alice");
        BrowserSessions firefox = browser(ClientAddresses.freshSubnet(), FIREFOX, true);

        firefox.login("alice", "alice-demo-password-1");

        assertThat(firefox.get("/_guard/2fa").getResponseBody()).contains("Confirm this sign-in");
        HIBP.verify(1, getRequestedFor(urlEqualTo("/range/" + sha1.substring(0, 5)))
                .withHeader("Add-Padding", equalTo("true")));
        assertThat(HIBP.getAllServeEvents()).allSatisfy(e -> assertThat(e.getRequest().getUrl())
                .doesNotContain(sha1.substring(5)));
    }

    @Test
    void breachedPasswordWhenOnlyInAPaddingRowOrTheLookupTimesOutThenOnlyTheFactor() {
        risk(p -> p.replace("source: off, weight: 30, hibp-url: \"https://api.pwnedpasswords.com\", timeout: 800ms",
                "source: hibp, weight: 30, hibp-url: \"" + HIBP.baseUrl() + "\", timeout: 300ms"));
        String alice = sha1("alice-demo-password-1");
        String bob = sha1("bob-demo-password-2");
        HIBP.stubFor(get(urlEqualTo("/range/" + alice.substring(0, 5)))
                .willReturn(aResponse().withBody(alice.substring(5) + ":0\r\n")));
        HIBP.stubFor(get(urlEqualTo("/range/" + bob.substring(0, 5)))
                .willReturn(aResponse().withFixedDelay(2_000).withBody(bob.substring(5) + ":12\r\n")));
        enrolled("alice");
        enrolled("bob");
        try {
            BrowserSessions padded = browser(ClientAddresses.freshSubnet(), FIREFOX, true);
            padded.login("alice", "alice-demo-password-1");
            assertThat(padded.get("/_guard/2fa").getResponseBody()).contains("authenticator app");

            BrowserSessions slow = browser(ClientAddresses.freshSubnet(), FIREFOX, true);
            assertThat(slow.login("bob", "bob-demo-password-2").getStatus().value()).isEqualTo(303);
            assertThat(slow.get("/_guard/2fa").getResponseBody()).contains("authenticator app");
            assertThat(meters.counter("guard.risk.signal.errors", "signal", "breached-password", "mode", "ignore")
                    .count()).isGreaterThanOrEqualTo(1);
        } finally {
            factors.reset("bob").block();
        }
    }

    @Test
    void breachedPasswordWhenTheRegistryRefusedThePasswordThenNeverLookedUp() {
        risk(p -> p.replace("source: off, weight: 30, hibp-url: \"https://api.pwnedpasswords.com\", timeout: 800ms",
                "source: hibp, weight: 30, hibp-url: \"" + HIBP.baseUrl() + "\", timeout: 800ms"));
        HIBP.stubFor(get(urlPathMatching("/range/.*")).willReturn(aResponse().withBody("")));

        browser(ClientAddresses.freshSubnet(), FIREFOX, true).login("alice", "wrong-password");

        assertThat(HIBP.getAllServeEvents()).isEmpty();
    }

    @Test
    void registryHeaderWhenConfiguredThenTheRegistryGetsTheScoreAndAClientsForgeryIsReplaced() {
        risk(p -> p.replace("registry-header: \"\"", "registry-header: X-Guard-Risk"));

        browser(ClientAddresses.freshSubnet(), SCRIPT, false).header("X-Guard-Risk", "score=0; reasons=")
                .login("header-check", "x");

        assertThat(registryLogins("header-check")).singleElement().satisfies(request ->
                assertThat(request.getHeader("X-Guard-Risk"))
                        .isEqualTo("score=45; reasons=scripted-client,missing-browser-headers"));
    }

    @Test
    void enrollmentWhenBurstThenAnOrdinaryLoginEnrollsAndARiskyOneIsRefused() {
        risk(p -> p.replace("enrollment-burst: {window: 10m, bucket: 1m, accounts: 20,",
                "enrollment-burst: {window: 10m, bucket: 1m, accounts: 1,"));
        // first, while the guard has no history of carol: an ordinary login carries no reason at all
        BrowserSessions ordinary = browser(ClientAddresses.freshSubnet(), FIREFOX, true);
        ordinary.login("carol", "carol-demo-password-3");
        EntityExchangeResult<String> sent = ordinary.post("/_guard/2fa/email",
                "csrf=" + BrowserSessions.csrf(ordinary.get("/_guard/2fa")));
        assertThat(sent.getResponseBody()).contains("We sent a code to");

        BrowserSessions risky = browser(ClientAddresses.freshSubnet(), SCRIPT, false);
        risky.login("carol", "carol-demo-password-3");
        EntityExchangeResult<String> paused = risky.post("/_guard/2fa/email",
                "csrf=" + BrowserSessions.csrf(risky.get("/_guard/2fa")));

        assertThat(paused.getStatus().value()).isEqualTo(403);
        assertThat(paused.getResponseBody()).contains("setup is paused").doesNotContain("scripted");
        assertThat(risky.cookies()).doesNotContainKey("__Host-guard-pending");
        assertThat(events("carol")).anySatisfy(event -> {
            assertThat(event.type()).isEqualTo("factor.enrolled");
            assertThat(event.reasons()).containsExactly("enrollment burst");
        });
        assertThat(meters.counter("guard.risk.enrollment.bursts", "result", "refused").count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void loginWhenFromANewSubnetThenRememberedForTheInviteRule() {
        risk(UnaryOperator.identity());
        browser(ClientAddresses.freshSubnet(), FIREFOX, true).login("bob", "bob-demo-password-2");
        Instant between = Instant.now();

        browser(ClientAddresses.freshSubnet(), FIREFOX, true).login("bob", "bob-demo-password-2");

        assertThat(history.recent(new HistoryKey.ByAccount("bob"), between).collectList().block())
                .anySatisfy(event -> assertThat(event.kind()).isEqualTo(SensitiveEvent.Kind.NOVEL_LOGIN));
    }

    private static String sha1(String password) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
