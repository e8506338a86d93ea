package io.registryguard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.registryguard.classify.RouteClassification;
import io.registryguard.clientip.ClientAddress;
import io.registryguard.policy.RouteClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** What an event accepts, refuses and clips. */
class AuditEventTests {

    private static final Instant T = Instant.parse("2024-03-01T08:42:33.120Z");

    @ParameterizedTest
    @ValueSource(strings = {"login", "Login.success", "login.", ".login", "login success", "login.success\n",
            "login..success", "login.Success"})
    void buildWhenTypeIsNotDottedLowerCaseWordsThenRefused(String type) {
        assertThatThrownBy(() -> AuditEvent.builder(type, T).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("type:");
    }

    @Test
    void buildWhenTypeTooLongThenRefused() {
        assertThatThrownBy(() -> AuditEvent.builder("a." + "b".repeat(63), T).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("type:");
    }

    @Test
    void buildWhenTimeOrDecisionMissingThenRefused() {
        assertThatThrownBy(() -> AuditEvent.builder("login.success", null).build()).hasMessage("time");
        assertThatThrownBy(() -> AuditEvent.builder("login.success", T).decision(null).build()).hasMessage("decision");
    }

    @Test
    void buildWhenOnlyTypeAndTimeThenNothingElseAndDecisionNone() {
        AuditEvent event = AuditEvent.builder("second-factor.accepted", T).build();

        assertThat(event.account()).isNull();
        assertThat(event.ip()).isNull();
        assertThat(event.routeClass()).isNull();
        assertThat(event.decision()).isEqualTo(AuditDecision.NONE);
        assertThat(event.reasons()).isEmpty();
        assertThat(event.details()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/account/login/?next=/manage/&token=pypi-AgEIcHlwaS5vcmc", "/account/login/#frag?x",
            "/account/login/?"})
    void buildWhenPathHasAQueryThenOnlyThePathKept(String path) {
        assertThat(AuditEvent.builder("login.failure", T).path(path).build().path()).isEqualTo("/account/login/");
    }

    @Test
    void buildWhenAccountOrAgentBlankThenNull() {
        AuditEvent event = AuditEvent.builder("login.failure", T).account("  ").userAgent("").path("?a=b").build();

        assertThat(event.account()).isNull();
        assertThat(event.userAgent()).isNull();
        assertThat(event.path()).isNull();
    }

    @Test
    void buildWhenClientControlledValuesTooLongThenClippedWithAnEllipsis() {
        AuditEvent event = AuditEvent.builder("login.failure", T).account("a".repeat(10_000))
                .userAgent("u".repeat(10_000)).path("/" + "p".repeat(10_000)).reason("r".repeat(1000))
                .detail("username", "d".repeat(1000)).build();

        assertThat(event.account()).hasSize(256).endsWith("a\u2026");
        assertThat(event.userAgent()).hasSize(512).endsWith("u\u2026");
        assertThat(event.path()).hasSize(1024).endsWith("p\u2026");
        assertThat(event.reasons().get(0)).hasSize(200);
        assertThat(event.details().get("username")).hasSize(512);
    }

    @Test
    void buildWhenClippedInsideASurrogatePairThenThePairDroppedWhole() {
        String agent = "u".repeat(510) + "\uD83D\uDE00" + "tail";

        String clipped = AuditEvent.builder("login.failure", T).userAgent(agent).build().userAgent();

        assertThat(clipped).isEqualTo("u".repeat(510) + "\u2026");
    }

    @Test
    void buildWhenIpIsALiteralThenWrittenInOneForm() {
        assertThat(AuditEvent.builder("login.failure", T).ip("2001:DB8::1").build().ip()).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(AuditEvent.builder("login.failure", T).ip("::ffff:192.0.2.1").build().ip()).isEqualTo("192.0.2.1");
        assertThat(AuditEvent.builder("login.failure", T).ip("unknown").build().ip()).isEqualTo("unknown");
    }

    @Test
    void buildWhenMoreThanSixteenReasonsOrDetailsThenRefused() {
        AuditEventBuilder reasons = AuditEvent.builder("login.failure", T);
        AuditEventBuilder details = AuditEvent.builder("login.failure", T);
        for (int i = 0; i < 17; i++) {
            reasons.reason("r" + i);
            details.detail("k" + i, "v");
        }

        assertThatThrownBy(reasons::build).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("reasons:");
        assertThatThrownBy(details::build).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("details:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Username", "user name", "user\"name", "1st"})
    void buildWhenDetailKeyIsNotAWordThenRefused(String key) {
        assertThatThrownBy(() -> AuditEvent.builder("login.failure", T).detail(key, "v").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("details:");
    }

    @Test
    void buildWhenReasonsAndDetailsGivenThenCopiedUnmodifiableAndDetailsSorted() {
        AuditEvent event = new AuditEvent(T, "login.failure", null, null, null, null, null, AuditDecision.DENIED,
                new java.util.ArrayList<>(List.of("b", "a")), new java.util.HashMap<>(Map.of("z", "1", "a", "2")));

        assertThat(event.reasons()).containsExactly("b", "a");
        assertThat(event.details().keySet()).containsExactly("a", "z");
        assertThatThrownBy(() -> event.reasons().add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> event.details().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void requestWhenExchangeGivenThenAddressAgentPathWithoutQueryAndClassTaken() throws Exception {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest
                .post("https://pypi.example/account/login/?next=/manage/account/&token=secret")
                .header("User-Agent", "Mozilla/5.0"));
        exchange.getAttributes().put(ClientAddress.ATTRIBUTE,
                new ClientAddress(InetAddress.getByName("198.51.100.23"), true, true));
        exchange.getAttributes().put(RouteClassification.ATTRIBUTE, new RouteClassification(RouteClass.LOGIN, "login"));

        AuditEvent event = AuditEvent.builder("login.failure", T).request(exchange).build();

        assertThat(event.ip()).isEqualTo("198.51.100.23");
        assertThat(event.userAgent()).isEqualTo("Mozilla/5.0");
        assertThat(event.path()).isEqualTo("/account/login/");
        assertThat(event.routeClass()).isEqualTo(RouteClass.LOGIN);
        assertThat(event.toJson()).doesNotContain("secret");
    }

    @Test
    void toStringWhenCalledThenTheJsonLine() {
        AuditEvent event = AuditEvent.builder("login.failure", T).account("eve\nINFO forged").build();

        assertThat(event.toString()).isEqualTo(event.toJson()).doesNotContain("\n");
    }
}
