package io.registryguard.login;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.registryguard.policy.OutcomeRule;
import io.registryguard.web.Problem;
import io.registryguard.web.ProblemResponses;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Judges the registry's answer to one attempt, exactly once, before the answer's headers leave: from status and
 * headers when the rule needs no body; otherwise after the first {@code bodyPrefixBytes} have arrived (held back
 * only that long, then streamed on unchanged). An answer the gateway writes itself (e.g. 502 when the registry is
 * down) is judged too. A judgement may replace the answer with a refusal ({@link #REPLACEMENT}).
 */
final class AnswerJudge {

    /**
     * Exchange attribute: a {@link Problem} that {@code onJudged} puts there to answer with it instead of the
     * registry's answer (whose status and headers it has already cleared of anything that must not leave).
     */
    static final String REPLACEMENT = AnswerJudge.class.getName() + ".replacement";

    private final OutcomeRule rule;
    private final Function<OutcomeRule.Outcome, Mono<Void>> onJudged;
    private final AtomicBoolean judged = new AtomicBoolean();

    /** @param onJudged runs before the answer is committed; may add headers and cookies to it */
    AnswerJudge(OutcomeRule rule, Function<OutcomeRule.Outcome, Mono<Void>> onJudged) {
        this.rule = rule;
        this.onJudged = onJudged;
    }

    ServerWebExchange observe(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> judgeOnce(response, ""));
        return exchange.mutate().response(new ServerHttpResponseDecorator(response) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                if (!rule.needsBody()) {
                    // judged before the write starts, so that the judgement may still replace the answer
                    return judgeOnce(response, "").then(Mono.defer(() -> writeOrReplace(exchange, Flux.from(body),
                            super::writeWith)));
                }
                int[] seen = {0};
                return Flux.<DataBuffer>from(body)
                        .bufferUntil(buffer -> (seen[0] += buffer.readableByteCount()) >= rule.bodyPrefixBytes())
                        .switchOnFirst((first, all) -> judgeOnce(response, first.hasValue() ? text(first.get()) : "")
                                .then(Mono.defer(() -> writeOrReplace(exchange,
                                        all.concatMapIterable(buffers -> buffers), super::writeWith))))
                        .then();
            }
        }).build();
    }

    /**
     * The registry's answer, or the one a judgement put in {@link #REPLACEMENT} (then the registry's body is
     * released unread).
     */
    private static Mono<Void> writeOrReplace(ServerWebExchange exchange, Flux<DataBuffer> body,
            Function<Flux<DataBuffer>, Mono<Void>> write) {
        Problem replacement = exchange.getAttribute(REPLACEMENT);
        if (replacement == null) {
            return write.apply(body);
        }
        return body.doOnNext(DataBufferUtils::release).then(ProblemResponses.write(exchange, replacement));
    }

    private Mono<Void> judgeOnce(ServerHttpResponse response, String bodyPrefix) {
        if (!judged.compareAndSet(false, true)) {
            return Mono.empty();
        }
        HttpHeaders headers = response.getHeaders();
        int status = response.getStatusCode() == null ? 200 : response.getStatusCode().value();
        return onJudged.apply(rule.judge(status, locationPath(headers), cookieNames(headers), bodyPrefix));
    }

    private String text(List<DataBuffer> buffers) {
        StringBuilder sb = new StringBuilder();
        int remaining = rule.bodyPrefixBytes();
        for (DataBuffer buffer : buffers) {
            int n = Math.min(remaining, buffer.readableByteCount());
            byte[] bytes = new byte[n];
            buffer.toByteBuffer(buffer.readPosition(), java.nio.ByteBuffer.wrap(bytes), 0, n);
            sb.append(new String(bytes, StandardCharsets.UTF_8));
            remaining -= n;
            if (remaining == 0) {
                break;
            }
        }
        return sb.toString();
    }

    static String locationPath(HttpHeaders headers) {
        String location = headers.getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return null;
        }
        try {
            String path = URI.create(location.strip()).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException malformed) {
            return location;
        }
    }

    static Set<String> cookieNames(HttpHeaders headers) {
        Set<String> names = new HashSet<>();
        for (String cookie : headers.getOrEmpty(HttpHeaders.SET_COOKIE)) {
            int eq = cookie.indexOf('=');
            if (eq > 0) {
                names.add(cookie.substring(0, eq).strip());
            }
        }
        return names;
    }
}
