package io.registryguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ProblemResponsesTests {

    private static MockServerWebExchange write(String accept, Problem problem) {
        var request = MockServerHttpRequest.get("/x");
        if (accept != null) {
            request.header("Accept", accept);
        }
        var exchange = MockServerWebExchange.from(request);
        ProblemResponses.write(exchange, problem).block();
        return exchange;
    }

    @Test
    void writeWhenApiClientThenProblemJsonWithEscapedFields() {
        var exchange = write("application/json", Problem.of(HttpStatus.BAD_GATEWAY, "Bad Gateway",
                "quote \" and <tag>").withHeader("Retry-After", "30"));
        var response = exchange.getResponse();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(response.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(response.getBodyAsString().block()).isEqualTo(
                "{\"type\":\"about:blank\",\"title\":\"Bad Gateway\",\"status\":502,"
                        + "\"detail\":\"quote \\\" and \\u003ctag\\u003e\"}");
    }

    @Test
    void writeWhenExtensionMembersThenAfterTheStandardOnesEscapedAndListsAsArrays() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/x").header("Accept", "application/json"));
        var members = new java.util.LinkedHashMap<String, Object>();
        members.put("route", "delete-\"project\"");
        members.put("routes", java.util.List.of("a", "<b>"));

        ProblemResponses.write(exchange, Problem.of(HttpStatus.BAD_REQUEST, "Bad Request", "d"), members).block();

        assertThat(exchange.getResponse().getBodyAsString().block()).isEqualTo(
                "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"d\","
                        + "\"route\":\"delete-\\\"project\\\"\",\"routes\":[\"a\",\"\\u003cb\\u003e\"]}");
    }

    @Test
    void writeWhenNoAcceptThenProblemJson() {
        var exchange = write(null, Problem.of(HttpStatus.GATEWAY_TIMEOUT, "Gateway Timeout", "slow"));
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void writeWhenBrowserThenEscapedHtmlPage() {
        var exchange = write("text/html,application/xhtml+xml,*/*;q=0.8",
                Problem.of(HttpStatus.CONTENT_TOO_LARGE, "Content Too Large", "<script>alert(1)</script>"));
        var body = exchange.getResponse().getBodyAsString().block();
        assertThat(exchange.getResponse().getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(body).contains("413").contains("Content Too Large")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
    }

    @Test
    void wantsHtmlWhenAcceptMalformedThenFalse() {
        var request = MockServerHttpRequest.get("/x").header("Accept", "text/html;q=;;").build();
        assertThat(ProblemResponses.wantsHtml(request)).isFalse();
    }
}
