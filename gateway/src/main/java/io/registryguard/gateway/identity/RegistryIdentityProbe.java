package io.registryguard.gateway.identity;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.ChannelOption;
import io.registryguard.gateway.proxy.Upstream;
import io.registryguard.login.IdentityAnswers;
import io.registryguard.login.IdentityProbe;
import io.registryguard.policy.IdentityProbeRule;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Asks the registry ({@code GUARD_UPSTREAM_URL}) with the session cookies its login answer just set. Non-blocking
 * (reactor-netty), bounded by the rule's timeout, never following a redirect (a redirect is the registry saying
 * the session is not logged in: no account), reading at most {@link IdentityAnswers#MAX_BYTES} of the answer.
 */
final class RegistryIdentityProbe implements IdentityProbe {

    static final String USER_AGENT = "registry-guard identity probe";

    private final WebClient client;
    private final String base;

    RegistryIdentityProbe(Upstream upstream) {
        String uri = upstream.uri().toString();
        this.base = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        HttpClient http = HttpClient.create().followRedirect(false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) IdentityProbeRule.MAX_TIMEOUT.toMillis());
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    @Override
    public Mono<Optional<String>> accountOf(IdentityProbeRule rule, List<String> setCookies) {
        String cookies = IdentityProbe.cookieHeader(setCookies);
        return client.get()
                .uri(URI.create(base + rule.path()))
                .headers(h -> {
                    if (!cookies.isEmpty()) {
                        h.set(HttpHeaders.COOKIE, cookies);
                    }
                    h.set(HttpHeaders.USER_AGENT, USER_AGENT);
                    h.setAccept(List.of(rule.pattern() != null ? MediaType.TEXT_HTML : MediaType.APPLICATION_JSON));
                })
                .exchangeToMono(response -> answer(rule, response))
                .timeout(rule.timeout());
    }

    private static Mono<Optional<String>> answer(IdentityProbeRule rule, ClientResponse response) {
        if (!response.statusCode().is2xxSuccessful()) {
            return response.releaseBody().thenReturn(Optional.empty());
        }
        AtomicInteger seen = new AtomicInteger();
        return response.bodyToFlux(DataBuffer.class)
                .takeUntil(buffer -> seen.addAndGet(buffer.readableByteCount()) >= IdentityAnswers.MAX_BYTES)
                .collect(ByteArrayOutputStream::new, (out, buffer) -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        out.writeBytes(bytes);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .map(out -> IdentityAnswers.account(rule, out.toByteArray()));
    }
}
