package io.registryguard.gateway.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.registryguard.read.FormField;
import io.registryguard.read.StrictForms;
import io.registryguard.read.StrictRequestReader;
import io.registryguard.read.UnreadableRequestException;
import io.registryguard.web.Problem;
import io.registryguard.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * How every {@code /_guard} page reads a posted form: strictly, by the same reader as every request the guard
 * forwards ({@link StrictForms}: urlencoded forms and JSON objects of strings here), from a body of at most
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
                .map(Optional::of)
                .onErrorResume(UnreadableForm.class, e -> refuse(request, e).then(Mono.just(Optional.empty())))
                .flatMap(form -> form.isPresent() ? then.apply(form.get()) : Mono.empty());
    }

    /** The form, or an {@link UnreadableForm} error. */
    static Mono<GuardForm> read(ServerRequest request) {
        HttpHeaders headers = request.headers().asHttpHeaders();
        if (headers.getContentLength() > MAX_BYTES) {
            return Mono.error(tooLarge());
        }
        return DataBufferUtils.join(request.exchange().getRequest().getBody(), MAX_BYTES)
                .map(StrictRequestReader::copyAndRelease)
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge())
                .map(body -> {
                    try {
                        List<FormField> fields = StrictForms.read(headers, body, StrictForms.Accepted.FORMS_AND_JSON);
                        Map<String, String> byName = new LinkedHashMap<>();
                        fields.forEach(field -> byName.put(field.name(), field.value()));
                        return new GuardForm(byName, isJson(headers));
                    } catch (UnreadableRequestException e) {
                        throw new UnreadableForm(e.getMessage());
                    }
                });
    }

    private static boolean isJson(HttpHeaders headers) {
        MediaType type = headers.getContentType();
        return type != null && type.isCompatibleWith(MediaType.APPLICATION_JSON);
    }

    private static Mono<Void> refuse(ServerRequest request, UnreadableForm unreadable) {
        log.info("refused an unreadable form: {} {}: {}", request.method(), request.path(), unreadable.getMessage());
        return ProblemResponses.write(request.exchange(), Problem.of(HttpStatus.BAD_REQUEST, "Bad Request",
                "This form could not be read: " + unreadable.getMessage() + "."));
    }

    private static UnreadableForm tooLarge() {
        return new UnreadableForm("the form is longer than " + MAX_BYTES + " bytes");
    }
}
