package io.registryguard.gateway.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A registry shaped like Warehouse that knows every simulated account: WireMock on loopback with one catch-all stub
 * answered by {@link RegistryTransformer}. No request journal (a day of traffic would fill memory for nothing).
 */
final class SimulatedRegistry implements AutoCloseable {

    private final WireMockServer server;
    private final RegistryCounters counters;

    private SimulatedRegistry(WireMockServer server, RegistryCounters counters) {
        this.server = server;
        this.counters = counters;
    }

    static SimulatedRegistry start(Collection<SimAccount> accounts) {
        Map<String, SimAccount> byName = accounts.stream()
                .collect(Collectors.toUnmodifiableMap(SimAccount::username, Function.identity()));
        RegistryCounters counters = new RegistryCounters();
        WireMockServer server = new WireMockServer(WireMockConfiguration.wireMockConfig()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .http2PlainDisabled(true)
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true)
                .containerThreads(64)
                .extensions(new RegistryTransformer(byName, counters)));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(RegistryTransformer.NAME)));
        return new SimulatedRegistry(server, counters);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    RegistryCounters counters() {
        return counters;
    }

    @Override
    public void close() {
        if (server.isRunning()) {
            server.stop();
        }
    }
}
