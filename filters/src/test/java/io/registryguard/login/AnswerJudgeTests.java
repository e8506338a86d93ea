package io.registryguard.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.registryguard.policy.OutcomeRule;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class AnswerJudgeTests {

    private static DataBuffer buffer(String text) {
        return DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void observeWhenRuleNeedsNoBodyThenJudgedOnceFromStatusAndHeadersAtCommit() {
        List<OutcomeRule.Outcome> outcomes = new ArrayList<>();
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/account/login/"));
        var observed = new AnswerJudge(OutcomeRule.LOGIN_DEFAULT, o -> {
            outcomes.add(o);
            return Mono.empty();
        }).observe(exchange);
        observed.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
        observed.getResponse().getHeaders().add("Location", "https://pypi.example/manage/projects/");
        observed.getResponse().getHeaders().add("Set-Cookie", "session_id=abc; Path=/");

        observed.getResponse().writeWith(Flux.just(buffer("body"))).block();

        assertThat(outcomes).containsExactly(OutcomeRule.Outcome.SUCCESS);
    }

    @Test
    void observeWhenBodyMarkerSpansBuffersThenJudgedFromThePrefixAndBodyUnchanged() {
        OutcomeRule rule = new OutcomeRule(OutcomeRule.Outcome.FAILURE, Set.of(403), Set.of(), null,
                List.of("Invalid or non-existent authentication"), 64);
        List<OutcomeRule.Outcome> outcomes = new ArrayList<>();
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/legacy/"));
        var observed = new AnswerJudge(rule, o -> {
            outcomes.add(o);
            return Mono.empty();
        }).observe(exchange);
        observed.getResponse().setStatusCode(HttpStatus.FORBIDDEN);

        observed.getResponse().writeWith(Flux.just(buffer("403 Invalid or non-"), buffer("existent authentication"),
                buffer(" information."), buffer("x".repeat(100)))).block();

        assertThat(outcomes).containsExactly(OutcomeRule.Outcome.FAILURE);
        assertThat(exchange.getResponse().getBodyAsString().block())
                .isEqualTo("403 Invalid or non-existent authentication information." + "x".repeat(100));
    }

    @Test
    void observeWhenAnswerHasNoBodyThenStillJudgedOnce() {
        OutcomeRule rule = new OutcomeRule(OutcomeRule.Outcome.FAILURE, Set.of(403), Set.of(), null,
                List.of("Invalid"), 64);
        List<OutcomeRule.Outcome> outcomes = new ArrayList<>();
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/legacy/"));
        var observed = new AnswerJudge(rule, o -> {
            outcomes.add(o);
            return Mono.empty();
        }).observe(exchange);
        observed.getResponse().setStatusCode(HttpStatus.FORBIDDEN);

        observed.getResponse().setComplete().block();

        assertThat(outcomes).containsExactly(OutcomeRule.Outcome.SUCCESS);
    }

    @Test
    void helpersWhenHeadersOddThenRobust() {
        var headers = new org.springframework.http.HttpHeaders();
        headers.add("Location", "/account/login/?next=%2F");
        headers.add("Set-Cookie", "a=1; Path=/");
        headers.add("Set-Cookie", "garbage");
        assertThat(AnswerJudge.locationPath(headers)).isEqualTo("/account/login/");
        assertThat(AnswerJudge.cookieNames(headers)).containsExactly("a");
        assertThat(RefusalResponses.inWords(1)).isEqualTo("1 second");
        assertThat(RefusalResponses.inWords(300)).isEqualTo("5 minutes");
        assertThat(RefusalResponses.inWords(86400)).isEqualTo("24 hours");
    }
}
