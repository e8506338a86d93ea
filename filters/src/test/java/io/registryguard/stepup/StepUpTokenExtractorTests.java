package io.registryguard.stepup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class StepUpTokenExtractorTests {

    private final StepUpTokenExtractor standard = StepUpTokenExtractor.headerThenCookie();

    @Test
    void extractWhenHeaderThenToken() {
        StepUpRequestView request = StepUpRequestView.of(Map.of("x-guard-step-up", List.of(" a.b.c ")), Map.of());

        assertThat(standard.extract(request)).contains("a.b.c");
    }

    @Test
    void extractWhenCookieOnlyThenToken() {
        StepUpRequestView request = StepUpRequestView.of(Map.of(), Map.of(StepUpTokenExtractor.COOKIE, List.of("c.o.k")));

        assertThat(standard.extract(request)).contains("c.o.k");
    }

    @Test
    void extractWhenBothThenHeaderWins() {
        StepUpRequestView request = StepUpRequestView.of(Map.of(StepUpTokenExtractor.HEADER, List.of("h.h.h")),
                Map.of(StepUpTokenExtractor.COOKIE, List.of("c.c.c")));

        assertThat(standard.extract(request)).contains("h.h.h");
    }

    @Test
    void extractWhenTwoDifferentHeaderValuesThenNoneFromHeader() {
        StepUpRequestView request = StepUpRequestView.of(Map.of(StepUpTokenExtractor.HEADER, List.of("a.a.a", "b.b.b")),
                Map.of());

        assertThat(StepUpTokenExtractor.header().extract(request)).isEmpty();
    }

    @Test
    void extractWhenSameValueTwiceThenThatValue() {
        StepUpRequestView request = StepUpRequestView.of(Map.of(), Map.of(StepUpTokenExtractor.COOKIE, List.of("a.a.a", "a.a.a")));

        assertThat(StepUpTokenExtractor.cookie().extract(request)).contains("a.a.a");
    }

    @Test
    void extractWhenBlankOrAbsentThenEmpty() {
        assertThat(standard.extract(StepUpRequestView.of(Map.of(StepUpTokenExtractor.HEADER, List.of("  ")), Map.of())))
                .isEmpty();
        assertThat(standard.extract(StepUpRequestView.of(Map.of(), Map.of()))).isEmpty();
    }

    @Test
    void extractWhenAuthorizationBearerOnlyThenIgnored() {
        StepUpRequestView request = StepUpRequestView.of(Map.of("Authorization", List.of("Bearer a.b.c")), Map.of());

        assertThat(standard.extract(request)).isEmpty();
    }

    @Test
    void extractWhenCookieNameWithoutHostPrefixThenIgnored() {
        StepUpRequestView request = StepUpRequestView.of(Map.of(), Map.of("guard-stepup", List.of("a.b.c")));

        assertThat(standard.extract(request)).isEmpty();
    }

    @Test
    void extractWhenServerHttpRequestThenAdapted() {
        MockServerHttpRequest header = MockServerHttpRequest.post("/manage/account/")
                .header("X-GUARD-STEP-UP", "h.h.h").build();
        MockServerHttpRequest cookie = MockServerHttpRequest.post("/manage/account/")
                .cookie(new HttpCookie(StepUpTokenExtractor.COOKIE, "c.c.c")).build();

        assertThat(standard.extract(ServerHttpRequestViews.of(header))).contains("h.h.h");
        assertThat(standard.extract(ServerHttpRequestViews.of(cookie))).contains("c.c.c");
        assertThat(standard.extract(ServerHttpRequestViews.of(MockServerHttpRequest.get("/").build()))).isEmpty();
    }

    @Test
    void toStringWhenViewPrintedThenNoValues() {
        StepUpRequestView request = StepUpRequestView.of(Map.of(StepUpTokenExtractor.HEADER, List.of("secret.token.value")),
                Map.of());

        assertThat(request.toString()).doesNotContain("secret");
    }
}
