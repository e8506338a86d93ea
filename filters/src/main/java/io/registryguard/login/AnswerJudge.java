package io.registryguard.login;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.registryguard.policy.OutcomeRule;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
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
 * down) is judged too.
 */
final class AnswerJudge {

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
        if (!rule.needsBody()) {
            return exchange;
        }
        return exchange.mutate().response(new ServerHttpResponseDecorator(response) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                int[] seen = {0};
                Flux<DataBuffer> held = Flux.<DataBuffer>from(body)
                        .bufferUntil(buffer -> (seen[0] += buffer.readableByteCount()) >= rule.bodyPrefixBytes())
                        .concatMap(buffers -> judgeOnce(response, text(buffers)).thenMany(Flux.fromIterable(buffers)));
                return super.writeWith(held);
            }
        }).build();
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
