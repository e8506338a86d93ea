package io.registryguard.gateway.tls;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.tcp.SslProvider;

/**
 * Reads, once the HTTPS server is configured, which TLS implementation its SSL context runs on, and logs it. Spring
 * Boot applies its SSL settings before any {@link NettyServerCustomizer}, so the context is there to read; a
 * listener without TLS (the management port, or {@code guard.tls.enabled=false}) is left alone.
 */
public final class TlsImplementationReport implements NettyServerCustomizer {

    private static final Logger log = LoggerFactory.getLogger(TlsImplementationReport.class);

    private volatile TlsImplementation implementation;

    @Override
    public HttpServer apply(HttpServer server) {
        SslProvider ssl = server.configuration().sslProvider();
        if (ssl != null) {
            implementation = TlsImplementation.of(ssl.getSslContext());
            log.info("HTTPS runs on {}", implementation.describe());
        }
        return server;
    }

    /** The HTTPS listener's implementation; empty before it is configured or when TLS is off. */
    public Optional<TlsImplementation> implementation() {
        return Optional.ofNullable(implementation);
    }
}
