package io.registryguard.web;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes a {@link Problem}: problem+json for API clients, a readable page for browsers. */
public final class ProblemResponses {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private ProblemResponses() {
    }

    /** Browsers ask for HTML; pip, twine, curl and XHR do not. */
    public static boolean wantsHtml(ServerHttpRequest request) {
        List<MediaType> accept;
        try {
            accept = request.getHeaders().getAccept();
        } catch (RuntimeException malformed) {
            return false;
        }
        return accept.stream().anyMatch(m -> m.getType().equals("text") && m.getSubtype().equals("html"));
    }

    public static Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        return write(exchange, problem, Map.of());
    }

    /**
     * With extension members (RFC 9457 §3.2) in the problem+json body, e.g. which step-up route to ask for; each
     * value a string or a list of strings. The browser page shows only the detail.
     */
    public static Mono<Void> write(ServerWebExchange exchange, Problem problem, Map<String, ?> members) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(problem.status());
        HttpHeaders headers = response.getHeaders();
        headers.setCacheControl("no-store");
        problem.headers().forEach(headers::set);
        boolean html = wantsHtml(exchange.getRequest());
        String body;
        if (html) {
            headers.setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
            body = ErrorPage.render(problem);
        } else {
            headers.setContentType(PROBLEM_JSON);
            body = problemJson(problem, members);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.setContentLength(bytes.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
    }

    static String problemJson(Problem problem) {
        return problemJson(problem, Map.of());
    }

    static String problemJson(Problem problem, Map<String, ?> members) {
        StringBuilder sb = new StringBuilder(128).append('{');
        field(sb, "type", problem.type().toString()).append(',');
        field(sb, "title", problem.title()).append(',');
        sb.append("\"status\":").append(problem.status().value());
        if (problem.detail() != null) {
            field(sb.append(','), "detail", problem.detail());
        }
        members.forEach((name, value) -> member(sb.append(','), name, value));
        return sb.append('}').toString();
    }

    private static void member(StringBuilder sb, String name, Object value) {
        if (value instanceof Collection<?> values) {
            sb.append('"').append(Json.escape(name)).append("\":[");
            String separator = "";
            for (Object each : values) {
                sb.append(separator).append('"').append(Json.escape(String.valueOf(each))).append('"');
                separator = ",";
            }
            sb.append(']');
        } else {
            field(sb, Json.escape(name), String.valueOf(value));
        }
    }

    private static StringBuilder field(StringBuilder sb, String name, String value) {
        return sb.append('"').append(name).append("\":\"").append(Json.escape(value)).append('"');
    }
}
