package io.registryguard.gateway.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/** Opens {@link SimBrowser}s on the gateway; they share one HTTP client (and its connection pool). */
final class Browsers {

    private final HttpClient http;
    private final URI gateway;

    Browsers(URI gateway) {
        this.gateway = gateway;
        // HTTP/1.1 as from a load balancer; redirects are the simulated client's business.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    SimBrowser open(ClientProfile profile, String population) {
        return new SimBrowser(http, gateway, profile, population);
    }
}
