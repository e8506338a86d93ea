package io.registryguard.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;

import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@GatewayIntegrationTest
class TlsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    HttpsRedirectServer redirectServer;

    @Test
    void httpsWhenClientOffersHttp2ThenHttp2IsNegotiatedWithTheDevCertificate() throws Exception {
        HttpResponse<String> response = GatewayClients.jdk().send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/simple/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
        var certificate = (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
        assertThat(certificate.getSubjectX500Principal().getName()).contains("registry-guard development certificate");
        assertThat(certificate.getSubjectAlternativeNames()).anySatisfy(san -> assertThat(san.get(1)).isEqualTo("localhost"));
    }

    @Test
    void httpWhenAnyRequestThenPermanentRedirectToHttpsSamePathAndQueryOnTheConfiguredHost() {
        GatewayClients.http(redirectServer.port()).post()
                .uri(URI.create("http://localhost:" + redirectServer.port() + "/account/login/?next=%2Fmanage%2F"))
                .header("Host", "pypi.example:" + redirectServer.port())
                .bodyValue("username=alice&password=never-sent-onward")
                .exchange()
                .expectStatus().isPermanentRedirect()
                .expectHeader().valueEquals("Location", "https://localhost:8443/account/login/?next=%2Fmanage%2F")
                .expectBody().isEmpty();
    }

    @Test
    void httpWhenHostIsAnAttackersThenLocationStillNamesTheConfiguredHost() {
        // issue 11: the Host was copied into Location (an open redirect, and a poisoned 308 in any cache)
        for (String host : new String[] {"evil.example", "evil.example:443", "evil.example/@other", "[::1]:8443", ""}) {
            GatewayClients.http(redirectServer.port()).get().uri("/simple/")
                    .header("Host", host)
                    .exchange()
                    .expectStatus().isPermanentRedirect()
                    .expectHeader().valueEquals("Location", "https://localhost:8443/simple/");
        }
    }
}
