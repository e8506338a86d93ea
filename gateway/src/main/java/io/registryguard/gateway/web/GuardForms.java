package io.registryguard.gateway.web;

import java.util.function.Function;

import io.registryguard.web.Problem;
import io.registryguard.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * How every {@code /_guard} page reads a posted form: strictly ({@link StrictFormDecoder}), from a body of at most
 * {@link #MAX_BYTES}. What cannot be read is answered here with {@code 400} (a page for browsers, problem+json for
 * API clients) and one INFO line, never a stack trace or a 5xx: {@code code=%zz} is a client's mistake.
 */
public final class GuardForms {

    /** The guard's forms carry a code, a CSRF token and an id or route name: a few hundred bytes. */
    public static final int MAX_BYTES = 8 * 1024;

    private static final Logger log = LoggerFactory.getLogger(GuardForms.class);

    private GuardForms() {
    }

    /** Reads the form and hands it on, or answers 400 itself (the handler's Mono is then empty). */
    public static Mono<ServerResponse> withForm(ServerRequest request, Function<GuardForm, Mono<ServerResponse>> then) {
        return read(request)
                .map(java.util.Optional::of)
                .onErrorResume(UnreadableForm.class, e -> refuse(request, e).then(Mono.just(java.util.Optional.empty())))
                .flatMap(form -> form.isPresent() ? then.apply(form.get()) : Mono.empty());
    }

    /** The form, or an {@link UnreadableForm} error. */
    static Mono<GuardForm> read(ServerRequest request) {
        HttpHeaders headers = request.headers().asHttpHeaders();
        boolean json;
        try {
            json = StrictFormDecoder.checkHeaders(headers.getOrEmpty(HttpHeaders.CONTENT_TYPE),
                    headers.getOrEmpty(HttpHeaders.CONTENT_ENCODING), headers.getOrEmpty(HttpHeaders.TRANSFER_ENCODING));
            if (headers.getContentLength() > MAX_BYTES) {
                throw tooLarge();
            }
        } catch (UnreadableForm e) {
            return Mono.error(e);
        }
        return DataBufferUtils.join(request.exchange().getRequest().getBody(), MAX_BYTES)
                .map(GuardForms::bytes)
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge())
                .map(body -> new GuardForm(json ? StrictFormDecoder.json(body) : StrictFormDecoder.urlEncoded(body),
                        json));
    }

    private static Mono<Void> refuse(ServerRequest request, UnreadableForm unreadable) {
        log.info("refused an unreadable form: {} {}: {}", request.method(), request.path(), unreadable.getMessage());
        return ProblemResponses.write(request.exchange(), Problem.of(HttpStatus.BAD_REQUEST, "Bad Request",
                "This form could not be read: " + unreadable.getMessage() + "."));
    }

    private static UnreadableForm tooLarge() {
        return new UnreadableForm("the form is longer than " + MAX_BYTES + " bytes");
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
