package io.registryguard.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.registryguard.audit.AuditEvent;
import io.registryguard.audit.AuditEventTypes;
import io.registryguard.audit.AuditQuery;
import io.registryguard.audit.Auditor;
import io.registryguard.audit.InMemoryAuditTrail;
import io.registryguard.classify.RouteClassification;
import io.registryguard.read.ReadRequest;
import io.registryguard.policy.Policy;
import io.registryguard.policy.PolicyLoader;
import io.registryguard.policy.RouteClass;
import io.registryguard.ratelimit.RateLimiter;
import io.registryguard.risk.LoginRisk;
import io.registryguard.session.InMemoryPendingLoginStore;
import io.registryguard.session.SessionWithholding;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The login guard with a stub identity probe and a stub registry: a session is withheld under the account the
 * registry authenticated, never released when that is not the typed one, and one account has one budget however
 * its name is spelled.
 */
class LoginIdentityTests {

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
    private final Policy policy = PolicyLoader.loadDefault();
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final Auditor audit = new Auditor(trail, clock);
    private final InMemoryPendingLoginStore pending = new InMemoryPendingLoginStore(clock);
    private final RateLimiter limiter = RateLimiter.builder(policy).build();
    private final AtomicInteger registryCalls = new AtomicInteger();

    private LoginGuardFilter guard(IdentityProbe probe) {
        return new LoginGuardFilter(() -> policy, limiter, new DeviceCookies(DeviceCookies.randomKey(),
                Duration.ofDays(30), clock), new SessionWithholding(pending, Duration.ofMinutes(5), clock),
                LoginMetrics.NOOP, audit, LoginRisk.disabled(), NovelLogins.NONE,
                new IdentityConfirmation(probe, audit), clock);
    }

    /** The login route without an identity probe: the typed name stands, and nothing tells whose a session is. */
    private LoginGuardFilter guardWithoutProbe() {
        Policy unprobed = new Policy(policy.version(), policy.sha256(), policy.source(), policy.normalization(),
                policy.body(), policy.routes(), policy.limits(), policy.subnets(),
                java.util.Map.of("login", policy.logins().get("login").withIdentityProbe(null)), policy.frozenAccounts(),
                policy.stepUp(), policy.sequenceRules(), policy.risk(), policy.accounts());
        return new LoginGuardFilter(() -> unprobed, limiter, new DeviceCookies(
                DeviceCookies.randomKey(), Duration.ofDays(30), clock),
                new SessionWithholding(pending, Duration.ofMinutes(5), clock), LoginMetrics.NOOP, audit,
                LoginRisk.disabled(), NovelLogins.NONE, new IdentityConfirmation(IdentityProbe.UNAVAILABLE, audit), clock);
    }

    private static MockServerWebExchange login(String username, String from) {
        String form = "username=" + java.net.URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=pw";
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/account/login/")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML)
                .remoteAddress(new InetSocketAddress(from, 40000)).body(form));
        exchange.getAttributes().put(RouteClassification.ATTRIBUTE, new RouteClassification(RouteClass.LOGIN, "login"));
        // what the classification filter's strict reader leaves on the exchange
        exchange.getAttributes().put(ReadRequest.ATTRIBUTE, ReadRequest.ofCanonicalBody(form.getBytes(StandardCharsets.UTF_8)));
        return exchange;
    }

    /** The registry logs in whoever sent a password, with alice's session (a lenient registry's last value). */
    private GatewayFilterChain registryAccepting() {
        return exchange -> {
            registryCalls.incrementAndGet();
            var response = exchange.getResponse();
            response.setStatusCode(HttpStatus.SEE_OTHER);
            response.getHeaders().add(HttpHeaders.SET_COOKIE, "session_id=demo-session-alice; Path=/; HttpOnly");
            response.getHeaders().setLocation(java.net.URI.create("/manage/projects/"));
            return response.writeWith(Flux.just(response.bufferFactory().wrap("Redirecting".getBytes())));
        };
    }

    private GatewayFilterChain registryRefusing() {
        return exchange -> {
            registryCalls.incrementAndGet();
            exchange.getResponse().setStatusCode(HttpStatus.OK);
            return exchange.getResponse().writeWith(Flux.just(exchange.getResponse().bufferFactory()
                    .wrap("Invalid password".getBytes())));
        };
    }

    private List<AuditEvent> events(String type) {
        return trail.query(AuditQuery.newest(100)).filter(e -> e.type().equals(type)).collectList().block();
    }

    private static String body(MockServerWebExchange exchange) {
        return exchange.getResponse().getBodyAsString().block();
    }

    @Test
    void loginWhenRegistryAuthenticatedAnotherAccountThenRefusedNothingReleasedAndAudited() {
        MockServerWebExchange exchange = login("carol", "203.0.113.7");

        guard((rule, cookies) -> Mono.just(Optional.of("alice"))).filter(exchange, registryAccepting()).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange.getResponse().getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).isEmpty();
        assertThat(exchange.getResponse().getHeaders().getLocation()).isNull();
        assertThat(exchange.getResponse().getCookies()).doesNotContainKeys(SessionWithholding.PENDING_COOKIE,
                DeviceCookies.COOKIE);
        assertThat(body(exchange)).contains("could not be confirmed").doesNotContain("Redirecting");
        List<AuditEvent> mismatches = events(AuditEventTypes.LOGIN_IDENTITY_MISMATCH);
        assertThat(mismatches).singleElement().satisfies(event -> {
            assertThat(event.account()).isEqualTo("alice");
            assertThat(event.details()).containsEntry("typed", "carol").containsEntry("probed", "alice");
            assertThat(event.toString()).doesNotContain("pw");
        });
    }

    @Test
    void loginWhenRegistryAccountIsTheTypedOneInAnotherSpellingThenWithheldUnderTheCanonicalAccount() {
        MockServerWebExchange exchange = login("ALİCE", "203.0.113.8");
        AtomicReference<List<String>> probedWith = new AtomicReference<>();

        guard((rule, cookies) -> {
            probedWith.set(cookies);
            return Mono.just(Optional.of("Alice"));
        }).filter(exchange, registryAccepting()).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(exchange.getResponse().getHeaders().getLocation()).hasToString(SessionWithholding.TWO_FACTOR_PATH);
        assertThat(exchange.getResponse().getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE))
                .noneMatch(c -> c.startsWith("session_id="));
        assertThat(probedWith.get()).singleElement().asString().startsWith("session_id=demo-session-alice");
        String id = exchange.getResponse().getCookies().getFirst(SessionWithholding.PENDING_COOKIE).getValue();
        assertThat(pending.find(id).block().username()).isEqualTo("alice");
        assertThat(events(AuditEventTypes.LOGIN_IDENTITY_MISMATCH)).isEmpty();
    }

    @Test
    void loginWhenProbeFailsOrFindsNoAccountThenBadGatewayAndNothingReleased() {
        for (IdentityProbe probe : List.<IdentityProbe>of(
                (rule, cookies) -> Mono.just(Optional.empty()),
                (rule, cookies) -> Mono.error(new java.io.IOException("connection refused")),
                (rule, cookies) -> Mono.empty())) {
            MockServerWebExchange exchange = login("alice", "203.0.113.9");

            guard(probe).filter(exchange, registryAccepting()).block();

            assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
            assertThat(exchange.getResponse().getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).isEmpty();
            assertThat(body(exchange)).contains("could not be confirmed");
            assertThat(exchange.getResponse().getCookies()).doesNotContainKey(SessionWithholding.PENDING_COOKIE);
        }
        assertThat(events(AuditEventTypes.LOGIN_IDENTITY_MISMATCH)).hasSize(3)
                .allSatisfy(event -> assertThat(event.details()).containsEntry("probed", "none"));
    }

    @Test
    void loginWhenRouteHasNoProbeThenTypedCanonicalNameWithoutAskingTheRegistry() {
        LoginGuardFilter guard = guardWithoutProbe();
        MockServerWebExchange exchange = login(" Ｃarol ", "203.0.113.10");

        guard.filter(exchange, registryAccepting()).block();

        String id = exchange.getResponse().getCookies().getFirst(SessionWithholding.PENDING_COOKIE).getValue();
        assertThat(pending.find(id).block().username()).isEqualTo("carol");
    }

    /** A login with no username the guard could read, as a lenient registry might still accept one. */
    private static MockServerWebExchange loginWithoutUsername(String from) {
        String form = "user=alice&password=pw";
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/account/login/")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML)
                .remoteAddress(new InetSocketAddress(from, 40000)).body(form));
        exchange.getAttributes().put(RouteClassification.ATTRIBUTE, new RouteClassification(RouteClass.LOGIN, "login"));
        exchange.getAttributes().put(ReadRequest.ATTRIBUTE, ReadRequest.ofCanonicalBody(form.getBytes(StandardCharsets.UTF_8)));
        return exchange;
    }

    @Test
    void loginWhenNoUsernameReadButTheRegistryAcceptedThenWithheldUnderTheProbedAccount() {
        MockServerWebExchange exchange = loginWithoutUsername("203.0.113.20");

        guard((rule, cookies) -> Mono.just(Optional.of("Alice"))).filter(exchange, registryAccepting()).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(exchange.getResponse().getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE))
                .noneMatch(cookie -> cookie.startsWith("session_id"));
        String id = exchange.getResponse().getCookies().getFirst(SessionWithholding.PENDING_COOKIE).getValue();
        assertThat(pending.find(id).block().username()).isEqualTo("alice");
    }

    @Test
    void loginWhenNoUsernameReadAndNoProbeButTheRegistryAcceptedThenNothingReleased() {
        LoginGuardFilter guard = guardWithoutProbe();
        MockServerWebExchange exchange = loginWithoutUsername("203.0.113.21");

        guard.filter(exchange, registryAccepting()).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange.getResponse().getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).isEmpty();
        assertThat(exchange.getResponse().getCookies()).doesNotContainKeys(SessionWithholding.PENDING_COOKIE,
                DeviceCookies.COOKIE);
        assertThat(events(AuditEventTypes.LOGIN_IDENTITY_MISMATCH)).singleElement()
                .satisfies(event -> assertThat(event.reasons()).contains("no-username"));
    }

    @Test
    void loginWhenUsernameHasInvisibleCharactersThenRefusedWithoutReachingTheRegistry() {
        // control characters never get this far (the strict reader refuses them); format characters do
        MockServerWebExchange exchange = login("ali\u200Bce", "203.0.113.11");

        guard((rule, cookies) -> Mono.just(Optional.of("alice"))).filter(exchange, registryAccepting()).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(registryCalls).hasValue(0);
    }

    @Test
    void loginWhenOneAccountSpelledManyWaysThenOneBudget() {
        LoginGuardFilter guard = guard((rule, cookies) -> Mono.just(Optional.of("alice")));
        List<String> spellings = List.of("alice", "ALICE", "alİce", "ａｌｉｃｅ", "alıce", " Alice\u00A0");
        for (int i = 0; i < 10; i++) { // the per-user budget: 10 failures per 5 minutes, each from its own address
            MockServerWebExchange exchange = login(spellings.get(i % spellings.size()), "198.51.100." + (i + 1));
            guard.filter(exchange, registryRefusing()).block();
            assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
        }

        MockServerWebExchange eleventh = login("ＡＬＩＣＥ", "192.0.2.50");
        guard.filter(eleventh, registryRefusing()).block();
        MockServerWebExchange other = login("bob", "192.0.2.51");
        guard.filter(other, registryRefusing()).block();

        assertThat(eleventh.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(other.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(registryCalls).hasValue(11);
    }
}
