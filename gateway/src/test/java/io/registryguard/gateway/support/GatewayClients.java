package io.registryguard.gateway.support;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.HttpProtocol;

/** Clients for the gateway under test. They trust any certificate: the gateway runs on its dev certificate. */
public final class GatewayClients {

    private GatewayClients() {
    }

    /** WebTestClient over HTTPS, HTTP/2 preferred; redirects are not followed. */
    public static WebTestClient https(int port) {
        var ssl = Http2SslContextSpec.forClient()
                .configure(builder -> builder.trustManager(InsecureTrustManagerFactory.INSTANCE));
        var http = reactor.netty.http.client.HttpClient.create()
                .secure(spec -> spec.sslContext(ssl))
                .protocol(HttpProtocol.H2, HttpProtocol.HTTP11);
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
                .baseUrl("https://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build();
    }

    /** WebTestClient over plain HTTP (the redirect listener, the management port, TLS-disabled gateways). */
    public static WebTestClient http(int port) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** The JDK client, for checks WebTestClient cannot make (the negotiated protocol version). */
    public static HttpClient jdk() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
            return HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_2)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
