package io.registryguard.gateway.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.registryguard.gateway.demo.DemoResponses.page;

import com.github.tomakehurst.wiremock.WireMockServer;

/** The pages anyone may see (home, project page) and the 404 page for every path no route claims. */
final class PublicPagesStubs implements DemoStubs {

    static final String NOT_FOUND_TITLE = "Page Not Found (404)";

    @Override
    public void addTo(WireMockServer server) {
        String project = DemoAccounts.PROJECT;
        server.stubFor(get(urlPathEqualTo("/")).atPriority(StubPriority.EXACT).willReturn(page(200, "home", "Demo registry")));
        server.stubFor(get(urlPathEqualTo("/project/" + project + "/")).atPriority(StubPriority.EXACT)
                .willReturn(page(200, "project", project)));
        server.stubFor(get(RequestPatterns.projectNameVariants("/project/")).atPriority(StubPriority.FIELD_FALLBACK)
                .willReturn(aResponse().withStatus(301).withHeader("Location", "/project/" + project + "/")));
        server.stubFor(any(anyUrl()).atPriority(StubPriority.NOT_FOUND).willReturn(page(404, "not-found", NOT_FOUND_TITLE)));
    }
}
