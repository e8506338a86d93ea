package io.registryguard.gateway.tls;

import java.net.URI;
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
 * the same path over HTTPS and never proxies anything, so no credential travels in clear past it.
 */
public final class HttpsRedirectServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HttpsRedirectServer.class);
    /** A host name or IP literal, optionally with a port: anything else is not echoed into a Location. */
    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+)(:\\d{1,5})?");

    private final String bindAddress;
    private final int port;
    private final int redirectPort;
    private volatile DisposableServer server;

    public HttpsRedirectServer(String bindAddress, int port, int redirectPort) {
        this.bindAddress = bindAddress;
        this.port = port;
        this.redirectPort = redirectPort;
    }

    @Override
    public void start() {
        server = HttpServer.create().host(bindAddress).port(port).handle(this::redirect).bindNow();
        log.info("HTTP on port {} redirects to HTTPS port {}", port(), redirectPort);
    }

    Mono<Void> redirect(HttpServerRequest request, HttpServerResponse response) {
        String host = request.requestHeaders().get("Host");
        if (host == null || !HOST.matcher(host).matches()) {
            return response.status(HttpResponseStatus.BAD_REQUEST).sendString(Mono.just(
                    "This server speaks HTTPS only; the request had no usable Host header.\n")).then();
        }
        String hostName = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        String portPart = redirectPort == 443 ? "" : ":" + redirectPort;
        String uri = request.uri().startsWith("/") ? request.uri() : "/";
        String location = URI.create("https://" + hostName + portPart).toString() + uri;
        return response.status(HttpResponseStatus.PERMANENT_REDIRECT)
                .header("Location", location)
                .header("Cache-Control", "no-store")
                .send();
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
