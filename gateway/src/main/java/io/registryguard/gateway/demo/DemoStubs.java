package io.registryguard.gateway.demo;

import com.github.tomakehurst.wiremock.WireMockServer;

/** One area of the demo registry's routes (login, index, account, projects, upload…). */
interface DemoStubs {

    void addTo(WireMockServer server);
}
