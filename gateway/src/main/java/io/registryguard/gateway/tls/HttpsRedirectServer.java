package io.registryguard.gateway.tls;

import java.util.Locale;
import java.util.regex.Pattern;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The plain-HTTP listener (8080) when TLS is on: it answers every request with a permanent redirect to
 * the same path over HTTPS and never proxies anything, so no credential travels in clear past it. The
 * {@code Location} names the configured public host and redirect port, never the request's {@code Host}: a
 * client's Host in a cached 308 would send others wherever the client chose (issue 11).
 */
public final class HttpsRedirectServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HttpsRedirectServer.class);
    /** A host name or a bracketed IP literal, without a port: the port is {@code redirectPort}. */
    private static final Pattern HOST = Pattern.compile("\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");

    private final String bindAddress;
    private final int port;
    private final String origin;
    private final int redirectPort;
    private volatile DisposableServer server;

    /**
     * @param publicHost   the host clients know the gateway by ({@code guard.tls.public-host}), e.g.
     *                     {@code pypi.example.org}; an IPv6 literal in brackets
     * @param redirectPort the HTTPS port clients reach it on
     * @throws IllegalArgumentException when {@code publicHost} is not a host name or IP literal
     */
    public HttpsRedirectServer(String bindAddress, int port, String publicHost, int redirectPort) {
        if (publicHost == null || !HOST.matcher(publicHost).matches()) {
            throw new IllegalArgumentException("guard.tls.public-host (GUARD_PUBLIC_HOST) must be a host name or a"
                    + " bracketed IP literal without a port, was '" + publicHost + "'");
        }
        if (redirectPort < 1 || redirectPort > 65535) {
            throw new IllegalArgumentException("guard.tls.redirect-port must be a port, was " + redirectPort);
        }
        this.bindAddress = bindAddress;
        this.port = port;
        this.redirectPort = redirectPort;
        this.origin = "https://" + publicHost.toLowerCase(Locale.ROOT) + (redirectPort == 443 ? "" : ":" + redirectPort);
    }

    @Override
    public void start() {
        server = HttpServer.create().host(bindAddress).port(port).handle(this::redirect).bindNow();
        log.info("HTTP on port {} redirects to {}", port(), origin);
    }

    Mono<Void> redirect(HttpServerRequest request, HttpServerResponse response) {
        return response.status(HttpResponseStatus.PERMANENT_REDIRECT)
                .header("Location", location(request.uri()))
                .header("Cache-Control", "no-store")
                .send();
    }

    /** The configured origin and the request's path and query; an absolute-form target goes to {@code /}. */
    String location(String requestTarget) {
        return origin + (requestTarget != null && requestTarget.startsWith("/") ? requestTarget : "/");
    }

    /** The bound port (differs from the configured one when that was 0). */
    public int port() {
        DisposableServer s = server;
        return s == null ? port : s.port();
    }

    @Override
    public void stop() {
        DisposableServer s = server;
        if (s != null) {
            s.disposeNow();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
