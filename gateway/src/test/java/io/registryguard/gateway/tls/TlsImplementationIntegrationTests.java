package io.registryguard.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@GatewayIntegrationTest
class TlsImplementationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TlsImplementationReport report;

    @Test
    void httpsWhenOnLinuxX8664ThenServedByOpenSslWithHttp2Negotiated() throws Exception {
        assumeTrue(LinuxX8664.here(), "the OpenSSL library ships for linux-x86_64 only");

        assertThat(report.implementation()).contains(TlsImplementation.OPENSSL);
        HttpResponse<Void> response = GatewayClients.jdk().send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/simple/")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.sslSession().orElseThrow().getProtocol()).isEqualTo("TLSv1.3");
    }
}
