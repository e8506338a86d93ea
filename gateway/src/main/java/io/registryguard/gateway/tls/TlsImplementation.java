package io.registryguard.gateway.tls;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.ReferenceCountedOpenSslContext;
import io.netty.handler.ssl.SslContext;

/**
 * Which TLS implementation a listener's SSL context runs on. Reactor Netty builds the HTTPS context on OpenSSL
 * (BoringSSL from netty-tcnative) when that library loads and supports ALPN, else on the JDK's provider; OpenSSL
 * costs a fraction of the JDK's per byte and per handshake (issue 16), so the start-up log says which one runs.
 */
public enum TlsImplementation {

    OPENSSL,
    JDK;

    /** The implementation {@code context} was built on. */
    public static TlsImplementation of(SslContext context) {
        return context instanceof ReferenceCountedOpenSslContext ? OPENSSL : JDK;
    }

    /** One line for the start-up log: this implementation and, for the JDK, why not OpenSSL. */
    String describe() {
        if (this == OPENSSL) {
            return "OpenSSL (" + OpenSsl.versionString() + ")";
        }
        Throwable cause = OpenSsl.unavailabilityCause();
        return "the JDK's provider (OpenSSL " + (cause == null ? "loaded, but not chosen" : "unavailable: " + cause) + ")";
    }
}
