package io.registryguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class RequestCookiesTests {

    @Test
    void withoutWhenNamedCookiesThenOnlyThoseGoAcrossHeaders() {
        assertThat(RequestCookies.without(List.of("session_id=a; __Host-guard-session=b", "pref=c;__Host-guard-stepup=d"),
                name -> name.startsWith("__Host-guard-"))).isEqualTo("session_id=a; pref=c");
        // a cookie whose value contains the name is not dropped by accident
        assertThat(RequestCookies.without(List.of("x=session_id=1; session_id=2"), "session_id"::equals))
                .isEqualTo("x=session_id=1");
    }

    @Test
    void withoutWhenNothingLeftThenNoCookieHeader() {
        var request = MockServerHttpRequest.get("/").header("Cookie", "session_id=a").build();
        assertThat(RequestCookies.without(request, "session_id"::equals).getHeaders().containsHeader("Cookie")).isFalse();
        var kept = MockServerHttpRequest.get("/").header("Cookie", "session_id=a; pref=b").build();
        assertThat(RequestCookies.without(kept, "session_id"::equals).getHeaders().getFirst("Cookie")).isEqualTo("pref=b");
    }
}
