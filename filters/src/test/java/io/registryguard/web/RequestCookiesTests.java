package io.registryguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class RequestCookiesTests {

    @Test
    void withoutWhenNamedCookiesThenOnlyThoseGoAcrossHeaders() {
        assertThat(RequestCookies.without(List.of("session_id=a; __Host-guard-session=b", "pref=c;__Host-guard-stepup=d"),
                c -> c.nameStartsWith("__Host-guard-"))).isEqualTo("session_id=a; pref=c");
        // a cookie whose value contains the name is not dropped by accident
        assertThat(RequestCookies.without(List.of("x=session_id=1; session_id=2"), c -> c.isNamed("session_id")))
                .isEqualTo("x=session_id=1");
    }

    @Test
    void withoutWhenNameSpelledLenientlyThenStillDropped() {
        assertThat(RequestCookies.without(List.of("__Host-guard-session =x; __host-guard-stepup= y; a=b",
                "\t__HOST-GUARD-device\t=\"z\", %5F_Host-guard-pending=w"), c -> c.nameStartsWith("__Host-guard-")))
                .isEqualTo("a=b");
        assertThat(RequestCookies.without(List.of("__Host-guard-stepup =t; pref=1"),
                c -> c.isNamed("__Host-guard-stepup"))).isEqualTo("pref=1");
    }

    @Test
    void withoutWhenNothingLeftThenNoCookieHeader() {
        var request = MockServerHttpRequest.get("/").header("Cookie", "session_id=a").build();
        assertThat(RequestCookies.without(request, c -> c.isNamed("session_id")).getHeaders().containsHeader("Cookie"))
                .isFalse();
        var kept = MockServerHttpRequest.get("/").header("Cookie", "session_id=a; pref=b").build();
        assertThat(RequestCookies.without(kept, c -> c.isNamed("session_id")).getHeaders().getFirst("Cookie"))
                .isEqualTo("pref=b");
    }

    @Test
    void canonicalWhenHeaderAlreadyCanonicalThenSameRequest() {
        var request = MockServerHttpRequest.get("/").header("Cookie", "a=b; c=d").build();
        assertThat(RequestCookies.canonical(request, RequestCookies.of(request), c -> false)).isSameAs(request);
        var none = MockServerHttpRequest.get("/").build();
        assertThat(RequestCookies.canonical(none, RequestCookies.of(none), c -> false)).isSameAs(none);
    }

    @Test
    void canonicalWhenSpelledOrSplitThenOneCanonicalHeader() {
        var request = MockServerHttpRequest.get("/").header("Cookie", "a = b ;c=\"d\"", "e=f g; h=i").build();
        var canonical = RequestCookies.canonical(request, RequestCookies.of(request), c -> false);
        assertThat(canonical.getHeaders().get("Cookie")).containsExactly("a=b; c=d; h=i");
    }
}
