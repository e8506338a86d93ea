package io.registryguard.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Flux;

/**
 * One line of a classification corpus file:
 * {@code [EXPECTED-CLASS] METHOD TARGET [form=BODY] [multipart=NAME,NAME] [body=RAW] [type=CONTENT-TYPE] [notype]
 * [header=NAME]}.
 */
record CorpusRequest(String line, @Nullable String expected, String method, String target,
        @Nullable String contentType, byte[] body, List<String> headers) {

    static List<CorpusRequest> load(String resource, boolean withExpectedClass) {
        try (InputStream in = CorpusRequest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            List<CorpusRequest> requests = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    requests.add(parse(trimmed, withExpectedClass));
                }
            }
            return requests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CorpusRequest parse(String line, boolean withExpectedClass) {
        String[] tokens = line.split("\\s+");
        int i = 0;
        String expected = withExpectedClass ? tokens[i++] : null;
        String method = tokens[i++];
        String target = tokens[i++];
        String contentType = null;
        String typeOverride = null;
        boolean noType = false;
        byte[] body = new byte[0];
        List<String> headers = new ArrayList<>();
        for (; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.startsWith("form=")) {
                body = utf8(token.substring("form=".length()));
                contentType = "application/x-www-form-urlencoded";
            } else if (token.startsWith("multipart=")) {
                body = MultipartBodies.withFields(token.substring("multipart=".length()).split(","));
                contentType = MultipartBodies.CONTENT_TYPE;
            } else if (token.startsWith("body=")) {
                body = utf8(token.substring("body=".length()));
            } else if (token.startsWith("type=")) {
                typeOverride = token.substring("type=".length());
            } else if (token.equals("notype")) {
                noType = true;
            } else if (token.startsWith("header=")) {
                headers.add(token.substring("header=".length()));
            } else {
                throw new IllegalArgumentException("unknown token '" + token + "' in corpus line: " + line);
            }
        }
        contentType = noType ? null : typeOverride != null ? typeOverride : contentType;
        return new CorpusRequest(line, expected, method, target, contentType, body, List.copyOf(headers));
    }

    String rawPath() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    @Nullable String rawQuery() {
        int q = target.indexOf('?');
        return q < 0 ? null : target.substring(q + 1);
    }

    /** True when java.net.URI (and so any real server in front of the filter) accepts the target. */
    boolean acceptedByUri() {
        try {
            new URI("http://registry.example" + target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    MockServerWebExchange toExchange() {
        MockServerHttpRequest.BodyBuilder builder = MockServerHttpRequest.method(HttpMethod.valueOf(method),
                URI.create("http://registry.example" + target));
        for (String header : headers) {
            builder.header(header, "Basic dXNlcjpwYXNzd29yZA==");
        }
        if (contentType != null) {
            builder.header(HttpHeaders.CONTENT_TYPE, contentType);
        }
        if (body.length == 0) {
            return MockServerWebExchange.from(builder.build());
        }
        builder.contentLength(body.length);
        return MockServerWebExchange.from(builder.body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body))));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return line;
    }
}
