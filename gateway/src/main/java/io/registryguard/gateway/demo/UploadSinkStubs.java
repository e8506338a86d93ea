package io.registryguard.gateway.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * {@code POST /_demo/sink}: test-only, not a Warehouse route. Answers
 * {@code {"bytes": N, "sha256": "<hex>"}} for the body it received, so a test can prove a large
 * upload went through the gateway whole; the journal records the request without its body.
 */
final class UploadSinkStubs implements DemoStubs {

    static final String PATH = "/_demo/sink";

    @Override
    public void addTo(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(StubPriority.EXACT)
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withTransformers(UploadSinkTransformer.NAME)));
    }
}
