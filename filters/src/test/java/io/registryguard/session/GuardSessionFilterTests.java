package io.registryguard.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.registryguard.policy.PolicyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class GuardSessionFilterTests {

    private static final String LOGIN = "/account/login/";
    private static final String LOGOUT = "/account/logout/";

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private final GuardSessionCookies sessions = new GuardSessionCookies(new SignedValue(new byte[32]),
            Duration.ofHours(12), clock);
    private final GuardSessionFilter filter = new GuardSessionFilter(sessions,
            new FrozenAccounts(PolicyLoader::loadDefault, FrozenAccountsStore.inMemory()), "session_id", LOGIN, LOGOUT);
    private final StubChain chain = new StubChain();

    /** The attacker's own completed login: a guard session bound to their own registry session. */
    private final String ownGuard = sessions.cookie(sessions.start("mallory", Set.of("otp"), "own")).getValue();

    @ParameterizedTest
    @ValueSource(strings = {"session_id=victim", "session_id =victim", "session_id= victim", " session_id=victim",
        "session_id=\"victim\"", "session_id\t=\tvictim", "Session_Id=victim", "SESSION_ID=victim",
        "pref=1, session_id=victim", "session%5Fid=victim", "pref=1;session_id = \"victim\" "})
    void filterWhenStolenRegistryCookieSpelledAnyWayWithoutGuardCookieThenRefused(String cookie) {
        var browser = exchange(MockServerHttpRequest.get("/manage/account/").accept(MediaType.TEXT_HTML)
                .header(HttpHeaders.COOKIE, cookie));
        var api = exchange(MockServerHttpRequest.get("/manage/account/").header(HttpHeaders.COOKIE, cookie));

        run(browser);
        run(api);

        assertThat(browser.getResponse().getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(browser.getResponse().getHeaders().getFirst(HttpHeaders.LOCATION)).isEqualTo(LOGIN);
        assertThat(setCookies(browser)).anyMatch(c -> c.startsWith("session_id=;") && c.contains("Max-Age=0"));
        assertThat(api.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(chain.calls).isZero();
    }

    @Test
    void filterWhenStolenCookieNextToOwnSessionAndOwnGuardCookieThenBadRequestAndNothingForwarded() {
        var attack = exchange(MockServerHttpRequest.post("/manage/account/token/").header(HttpHeaders.COOKIE,
                "session_id =victim; session_id=own; __Host-guard-session=" + ownGuard));

        run(attack);

        assertThat(attack.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(attack.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(attack.getResponse().getBodyAsString().block()).contains("more than one session cookie");
        assertThat(chain.calls).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"session_id=own; session_id=own", "session_id=own", "session_id=own, SESSION_ID=own"})
    void filterWhenTwoSessionCookiesOfEitherKindThenBadRequest(String registryCookies) {
        String guards = registryCookies.equals("session_id=own")
                ? "; __Host-guard-session=" + ownGuard + "; __host-guard-session =" + ownGuard
                : "; __Host-guard-session=" + ownGuard;
        var exchange = exchange(MockServerHttpRequest.get("/").accept(MediaType.TEXT_HTML)
                .header(HttpHeaders.COOKIE, registryCookies + guards));

        run(exchange);

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("more than one session cookie");
        assertThat(chain.calls).isZero();
    }

    @Test
    void filterWhenLogoutWithABareRegistryCookieThenRefusedLikeAnyPage() {
        var post = exchange(MockServerHttpRequest.post(LOGOUT).accept(MediaType.TEXT_HTML)
                .header(HttpHeaders.COOKIE, "session_id=victim"));
        var get = exchange(MockServerHttpRequest.get(LOGOUT).header(HttpHeaders.COOKIE, "session_id =victim"));

        run(post);
        run(get);

        assertThat(post.getResponse().getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(post.getResponse().getHeaders().getFirst(HttpHeaders.LOCATION)).isEqualTo(LOGIN);
        assertThat(get.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(chain.calls).isZero();
    }

    @Test
    void filterWhenLogoutWithItsGuardSessionThenForwardedAndTheGuardCookieEndsWithIt() {
        chain.answer = HttpStatus.SEE_OTHER;
        var post = exchange(MockServerHttpRequest.post(LOGOUT).header(HttpHeaders.COOKIE,
                "session_id=own; __Host-guard-session=" + ownGuard));
        var confirmationPage = exchange(MockServerHttpRequest.get(LOGOUT).header(HttpHeaders.COOKIE,
                "session_id=own; __Host-guard-session=" + ownGuard));

        run(post);
        run(confirmationPage);

        assertThat(chain.calls).isEqualTo(2);
        assertThat(setCookies(post)).anyMatch(c -> c.startsWith(GuardSessionCookies.COOKIE + "=;")
                && c.contains("Max-Age=0"));
        // the confirmation page (GET) ends nothing: the POST that follows still needs the guard session
        assertThat(setCookies(confirmationPage)).isEmpty();
    }

    @Test
    void filterWhenLogoutRefusedByTheRegistryThenGuardSessionKept() {
        chain.answer = HttpStatus.FORBIDDEN;
        var post = exchange(MockServerHttpRequest.post(LOGOUT).header(HttpHeaders.COOKIE,
                "session_id=own; __Host-guard-session=" + ownGuard));

        run(post);

        assertThat(chain.calls).isEqualTo(1);
        assertThat(setCookies(post)).isEmpty();
    }

    @Test
    void filterWhenValidSessionSpelledLenientlyThenPassesWithACanonicalCookieHeader() {
        var exchange = exchange(MockServerHttpRequest.get("/manage/projects/")
                .header(HttpHeaders.COOKIE, " session_id = \"own\" ;__Host-guard-session=" + ownGuard + ", pref=1")
                .header(HttpHeaders.COOKIE, "junk=a b; theme=dark"));

        run(exchange);

        assertThat(chain.calls).isEqualTo(1);
        assertThat(chain.seen.get().getRequest().getHeaders().get(HttpHeaders.COOKIE)).containsExactly(
                "session_id=own; __Host-guard-session=" + ownGuard + "; pref=1; theme=dark");
        assertThat(chain.seen.get().<GuardSession>getAttribute(GuardSession.ATTRIBUTE).subject()).isEqualTo("mallory");
    }

    @Test
    void filterWhenGuardSessionBoundToAnotherRegistrySessionThenRefused() {
        var exchange = exchange(MockServerHttpRequest.get("/manage/account/").header(HttpHeaders.COOKIE,
                "session_id= victim; __Host-guard-session=" + ownGuard));

        run(exchange);

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(chain.calls).isZero();
    }

    @Test
    void filterWhenPublicRequestThenCanonicalCookiesOnlyAndNoNewRequestWhenAlreadyCanonical() {
        var none = exchange(MockServerHttpRequest.get("/simple/"));
        var canonical = exchange(MockServerHttpRequest.get("/simple/").header(HttpHeaders.COOKIE, "a=1; b=2"));
        var spelled = exchange(MockServerHttpRequest.get("/simple/").header(HttpHeaders.COOKIE,
                "a =1,b=\"2\"; c=x session_id=victim"));

        run(none);
        assertThat(chain.seen.get()).isSameAs(none);
        run(canonical);
        assertThat(chain.seen.get().getRequest()).isSameAs(canonical.getRequest());
        run(spelled);
        assertThat(chain.seen.get().getRequest().getHeaders().get(HttpHeaders.COOKIE)).containsExactly("a=1; b=2");
    }

    @Test
    void filterWhenCrossSiteNavigationWithoutGuardCookieThenEverySpellingOfTheSessionHeldBack() {
        var exchange = exchange(MockServerHttpRequest.get("/project/demo-project/").header("Sec-Fetch-Site", "cross-site")
                .header(HttpHeaders.COOKIE, "pref=1; Session_ID =victim"));

        run(exchange);

        assertThat(chain.calls).isEqualTo(1);
        assertThat(chain.seen.get().getRequest().getHeaders().get(HttpHeaders.COOKIE)).containsExactly("pref=1");
    }

    private void run(MockServerWebExchange exchange) {
        // the gateway commits the response after the chain: the logout's beforeCommit action runs then
        StepVerifier.create(filter.filter(exchange, chain)
                .then(Mono.defer(() -> exchange.getResponse().isCommitted() ? Mono.empty()
                        : exchange.getResponse().setComplete())))
                .verifyComplete();
    }

    private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
        return MockServerWebExchange.from(request);
    }

    private static java.util.List<String> setCookies(MockServerWebExchange exchange) {
        return exchange.getResponse().getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
    }

    /** The registry: answers {@code answer} and remembers the exchange it was given. */
    private static final class StubChain implements GatewayFilterChain {
        final AtomicReference<ServerWebExchange> seen = new AtomicReference<>();
        HttpStatus answer = HttpStatus.OK;
        int calls;

        @Override
        public Mono<Void> filter(ServerWebExchange exchange) {
            calls++;
            seen.set(exchange);
            exchange.getResponse().setStatusCode(answer);
            return Mono.empty();
        }
    }
}
