package io.registryguard.email;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a registry-internal HTTP endpoint for the address: {@code GET} on a URL template with
 * {@code {username}} (the username percent-encoded as one path segment), then an RFC 6901 JSON pointer into
 * the JSON answer ({@code /email}).
 *
 * <ul>
 *   <li>2xx with a string at the pointer → that address (it must look like one address)</li>
 *   <li>2xx with {@code null} or {@code ""} at the pointer, or 404 → empty (no address on file)</li>
 *   <li>2xx with nothing at the pointer, other statuses, malformed JSON, no answer within the timeout,
 *       connection failures → {@link AccountDirectoryException}</li>
 * </ul>
 * Nothing at the pointer is an error, not "no address": it usually means a wrong pointer, and a silent
 * "contact the operators" for every user would hide that.
 */
public final class HttpAccountDirectory implements AccountDirectory {

    private static final Logger log = LoggerFactory.getLogger(HttpAccountDirectory.class);
    private static final String PLACEHOLDER = "{username}";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final WebClient client;
    private final String urlTemplate;
    private final JsonPointer pointer;
    private final Duration timeout;

    /**
     * @param client      the client to use (add authentication headers the endpoint needs as defaults)
     * @param urlTemplate absolute http(s) URL containing {@code {username}}, e.g.
     *                    {@code http://registry.internal/_internal/users/{username}}
     * @param jsonPointer RFC 6901 pointer to the address in the answer, e.g. {@code /email}
     * @param timeout     how long an answer may take, connection included
     */
    public HttpAccountDirectory(WebClient client, String urlTemplate, String jsonPointer, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.urlTemplate = checkTemplate(urlTemplate);
        this.pointer = checkPointer(jsonPointer);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    @Override
    public Mono<Optional<String>> email(String account) {
        if (account == null || account.isEmpty() || PathSegment.isDotSegment(account)) {
            return Mono.just(Optional.empty()); // not a username; asking would address another resource
        }
        URI uri = URI.create(urlTemplate.replace(PLACEHOLDER, PathSegment.encode(account)));
        return client.get().uri(uri).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> answer(account, response))
                .timeout(timeout)
                .onErrorMap(e -> !(e instanceof AccountDirectoryException), e -> failure(account, e))
                .doOnError(e -> log.warn("{}", e.getMessage())); // the message names no address
    }

    private Mono<Optional<String>> answer(String account, ClientResponse response) {
        if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
            return response.releaseBody().thenReturn(Optional.empty());
        }
        if (!response.statusCode().is2xxSuccessful()) {
            return response.releaseBody().then(Mono.error(new AccountDirectoryException(
                    "account directory answered " + response.statusCode().value() + " for '" + account + "'")));
        }
        return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).map(body -> address(account, body));
    }

    private Optional<String> address(String account, byte[] body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new AccountDirectoryException("account directory answer for '" + account + "' is not JSON");
        }
        JsonNode value = node == null ? null : node.at(pointer);
        if (value == null || value.isMissingNode()) {
            throw new AccountDirectoryException(
                    "account directory answer for '" + account + "' has nothing at " + pointer);
        }
        if (value.isNull() || (value.isString() && value.stringValue().isEmpty())) {
            return Optional.empty();
        }
        if (!value.isString() || !EmailAddresses.isPlausible(value.stringValue())) {
            throw new AccountDirectoryException(
                    "account directory answer for '" + account + "' has no usable address at " + pointer);
        }
        return Optional.of(value.stringValue());
    }

    private AccountDirectoryException failure(String account, Throwable e) {
        String why = e instanceof TimeoutException ? "no answer within " + timeout : e.getClass().getSimpleName();
        return new AccountDirectoryException("account directory lookup for '" + account + "' failed: " + why, e);
    }

    private static String checkTemplate(String template) {
        Objects.requireNonNull(template, "urlTemplate");
        if (!template.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("account directory URL must contain " + PLACEHOLDER + ": " + template);
        }
        URI probe;
        try {
            probe = URI.create(template.replace(PLACEHOLDER, "x"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("account directory URL is not a URL: " + template, e);
        }
        if (!probe.isAbsolute() || !("http".equals(probe.getScheme()) || "https".equals(probe.getScheme()))) {
            throw new IllegalArgumentException("account directory URL must be absolute http(s): " + template);
        }
        return template;
    }

    private static JsonPointer checkPointer(String pointer) {
        Objects.requireNonNull(pointer, "jsonPointer");
        try {
            return JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an RFC 6901 JSON pointer: '" + pointer + "'", e);
        }
    }
}
