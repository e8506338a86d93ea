package io.registryguard.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;

import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** A gateway with a configured PEM certificate (its own context), which it reloads when the files change. */
@GatewayIntegrationTest
@TestPropertySource(properties = {
    "guard.tls.certificate=target/tls-reload-test/tls.crt",
    "guard.tls.private-key=target/tls-reload-test/tls.key",
    "spring.ssl.bundle.watch.file.quiet-period=100ms",
})
class TlsCertificateReloadIntegrationTests {

    static final Path FIRST = DevCertificate.generate();
    static final Path SECOND = DevCertificate.generate();
    /** Relative to the module directory: the TLS settings are read before dynamic properties exist. */
    static final Path LIVE = Path.of("target/tls-reload-test");

    static {
        try {
            Files.createDirectories(LIVE);
            Files.copy(FIRST.resolve("cert.pem"), LIVE.resolve("tls.crt"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(FIRST.resolve("key.pem"), LIVE.resolve("tls.key"), StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @LocalServerPort
    int port;

    @Test
    void httpsWhenCertificateFilesReplacedThenNewCertificateServedWithoutRestart() throws Exception {
        assertThat(servedSerial()).isEqualTo(serialOf(FIRST));

        Files.copy(SECOND.resolve("key.pem"), LIVE.resolve("tls.key"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(SECOND.resolve("cert.pem"), LIVE.resolve("tls.crt"), StandardCopyOption.REPLACE_EXISTING);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(servedSerial()).isEqualTo(serialOf(SECOND)));
    }

    private BigInteger servedSerial() throws Exception {
        // A fresh client each time: no TLS session reuse.
        HttpResponse<Void> response = GatewayClients.jdk().send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/simple/")).build(),
                HttpResponse.BodyHandlers.discarding());
        return ((X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0]).getSerialNumber();
    }

    private static BigInteger serialOf(Path dir) throws Exception {
        try (var in = Files.newInputStream(dir.resolve("cert.pem"))) {
            return ((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in)).getSerialNumber();
        }
    }
}
