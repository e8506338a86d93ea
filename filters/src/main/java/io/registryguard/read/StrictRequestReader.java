package io.registryguard.read;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.registryguard.body.SizeCappedRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a request a rule could classify as non-public, once and strictly, and replaces it by its canonical form:
 * the query string and form body re-serialized from the fields read, {@code Content-Encoding} and
 * {@code Transfer-Encoding} gone, {@code Content-Length} exact. Refused with {@link UnreadableRequestException}:
 * a {@code Content-Encoding} (the guard does not inflate bodies), more than one {@code Authorization} header, a
 * body that {@link StrictContentType}, {@link UrlEncodedForm} or {@link MultipartForm} will not read, and a
 * field repeated in the body or the query string, or in both with different values.
 *
 * <p>The body is copied out of the network buffers and released at once; the registry is sent a fresh buffer of
 * the canonical bytes, so no pooled buffer outlives the read whatever answer the guard writes.
 */
public final class StrictRequestReader {

    private StrictRequestReader() {
    }

    /**
     * @param readBody false for requests whose body no rule looks at (uploads authenticated by a header): their
     *                 body streams through unread, only their query string and headers are read
     * @return the exchange with the canonical request and the {@link ReadRequest} under its attribute; fails with
     *         {@link UnreadableRequestException}, or with the 413 of {@link SizeCappedRequest}
     */
    public static Mono<ServerWebExchange> read(ServerWebExchange exchange, int maxBodyBytes, boolean readBody) {
        ServerHttpRequest request = exchange.getRequest();
        List<FormField> query;
        try {
            checkHeaders(request.getHeaders());
            String rawQuery = request.getURI().getRawQuery();
            query = rawQuery == null ? List.of() : UrlEncodedForm.parse(rawQuery, FormField.Source.QUERY);
            StrictForms.checkRepeats(query);
            if (MethodOverride.requested(query)) {
                throw MethodOverride.refusal();
            }
        } catch (UnreadableRequestException e) {
            return Mono.error(e);
        }
        if (!readBody) {
            ReadRequest read = new ReadRequest(query, false, new byte[0]);
            return Mono.just(withReading(exchange, canonicalUri(request, query), null, read));
        }
        try {
            if (declaredLength(request.getHeaders()) > maxBodyBytes) {
                return Mono.error(SizeCappedRequest.tooLarge(maxBodyBytes)); // refused before a byte is read
            }
        } catch (UnreadableRequestException e) {
            return Mono.error(e);
        }
        return bytes(new SizeCappedRequest(request, maxBodyBytes)).map(body -> {
            List<FormField> bodyFields = StrictForms.read(request.getHeaders(), body, StrictForms.Accepted.FORMS);
            checkAgreement(query, bodyFields);
            if (MethodOverride.requested(bodyFields)) {
                throw MethodOverride.refusal();
            }
            List<FormField> all = new ArrayList<>(bodyFields);
            all.addAll(query);
            byte[] canonicalBody = UrlEncodedForm.serialize(bodyFields).getBytes(StandardCharsets.US_ASCII);
            ReadRequest read = new ReadRequest(all, true, canonicalBody);
            return withReading(exchange, canonicalUri(request, query), canonicalBody, read);
        });
    }

    private static void checkHeaders(HttpHeaders headers) {
        StrictForms.checkCodings(headers);
        if (headers.getOrEmpty(HttpHeaders.AUTHORIZATION).size() > 1) {
            throw new UnreadableRequestException("authorization", "More than one Authorization header");
        }
    }

    private static long declaredLength(HttpHeaders headers) {
        List<String> values = headers.getOrEmpty(HttpHeaders.CONTENT_LENGTH);
        if (values.isEmpty()) {
            return -1;
        }
        if (values.size() > 1 || !values.get(0).strip().matches("[0-9]{1,18}")) {
            throw new UnreadableRequestException("content-length", "Content-Length is not one decimal number");
        }
        return Long.parseLong(values.get(0).strip());
    }

    private static void checkAgreement(List<FormField> query, List<FormField> body) {
        for (FormField inQuery : query) {
            for (FormField inBody : body) {
                if (inQuery.name().equals(inBody.name()) && !inQuery.value().equals(inBody.value())) {
                    throw new UnreadableRequestException("repeated-field", "Field '"
                            + StrictContentType.printable(inQuery.name())
                            + "' has one value in the query string and another in the body");
                }
            }
        }
    }

    private static Mono<byte[]> bytes(ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody()).map(StrictRequestReader::copyAndRelease)
                .defaultIfEmpty(new byte[0]);
    }

    /** The buffer's bytes, copied out of the (pooled) buffer, which is released at once. */
    public static byte[] copyAndRelease(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static URI canonicalUri(ServerHttpRequest request, List<FormField> query) {
        URI uri = request.getURI();
        if (uri.getRawQuery() == null) {
            return uri;
        }
        String canonical = UrlEncodedForm.serialize(query);
        return UriComponentsBuilder.fromUri(uri).replaceQuery(canonical.isEmpty() ? null : canonical)
                .build(true).toUri();
    }

    /** @param body the canonical body, or null to leave the body (and its headers) as they are */
    private static ServerWebExchange withReading(ServerWebExchange exchange, URI uri, byte @Nullable [] body,
            ReadRequest read) {
        ServerHttpRequest request = exchange.getRequest().mutate().uri(uri).headers(headers -> {
            headers.remove(HttpHeaders.CONTENT_ENCODING);
            if (body == null) {
                return;
            }
            boolean hadBody = headers.containsHeader(HttpHeaders.CONTENT_LENGTH)
                    || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
            headers.remove(HttpHeaders.TRANSFER_ENCODING);
            if (body.length > 0) {
                headers.set(HttpHeaders.CONTENT_TYPE, StrictContentType.canonical());
                headers.setContentLength(body.length);
            } else {
                headers.remove(HttpHeaders.CONTENT_TYPE);
                headers.remove(HttpHeaders.CONTENT_LENGTH);
                if (hadBody) {
                    headers.setContentLength(0);
                }
            }
        }).build();
        if (body != null) {
            request = new CanonicalBodyRequest(request, body);
        }
        ServerWebExchange canonical = exchange.mutate().request(request).build();
        canonical.getAttributes().put(ReadRequest.ATTRIBUTE, read);
        return canonical;
    }

    /** Replays the canonical bytes, in a fresh buffer for each subscriber (a retry or a stash replay). */
    private static final class CanonicalBodyRequest extends ServerHttpRequestDecorator {

        private final byte[] body;

        CanonicalBodyRequest(ServerHttpRequest delegate, byte[] body) {
            super(delegate);
            this.body = body;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            if (body.length == 0) {
                return Flux.empty();
            }
            return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
        }
    }
}
