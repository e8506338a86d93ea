package io.registryguard.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Path;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import org.junit.jupiter.api.Test;
import reactor.netty.http.Http2SslContextSpec;

class TlsImplementationTests {

    static final Path DIR = DevCertificate.generate();
    static final File CERT = DIR.resolve("cert.pem").toFile();
    static final File KEY = DIR.resolve("key.pem").toFile();

    @Test
    void ofWhenContextBuiltOnOpenSslThenOpenSsl() throws Exception {
        assumeTrue(LinuxX8664.here(), "the OpenSSL library ships for linux-x86_64 only");
        SslContext context = SslContextBuilder.forServer(CERT, KEY).sslProvider(SslProvider.OPENSSL).build();

        assertThat(TlsImplementation.of(context)).isEqualTo(TlsImplementation.OPENSSL);
        assertThat(TlsImplementation.OPENSSL.describe()).startsWith("OpenSSL (BoringSSL");
    }

    @Test
    void ofWhenContextBuiltOnTheJdkThenJdk() throws Exception {
        SslContext context = SslContextBuilder.forServer(CERT, KEY).sslProvider(SslProvider.JDK).build();

        assertThat(TlsImplementation.of(context)).isEqualTo(TlsImplementation.JDK);
    }

    @Test
    void http2ServerContextWhenOnLinuxX8664ThenBuiltOnOpenSsl() throws Exception {
        // What Spring Boot builds the HTTPS listener from: Reactor Netty picks OpenSSL when it loads with ALPN.
        assumeTrue(LinuxX8664.here(), "the OpenSSL library ships for linux-x86_64 only");
        SslContext context = Http2SslContextSpec.forServer(CERT, KEY).sslContext();

        assertThat(TlsImplementation.of(context)).isEqualTo(TlsImplementation.OPENSSL);
    }
}
