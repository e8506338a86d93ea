package io.registryguard.gateway.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.Map;

/**
 * The PEP 503 simple index and the file download, the traffic pip makes. Pages are rendered once at
 * start; a project name that is not in normal form redirects ({@code 301}) to the normal one, as
 * Warehouse does ({@code /simple/Demo_Project} → {@code /simple/demo-project/}).
 */
final class SimpleIndexStubs implements DemoStubs {

    private static final String LAST_SERIAL = "1";

    private final DemoPackage demoPackage;

    SimpleIndexStubs(DemoPackage demoPackage) {
        this.demoPackage = demoPackage;
    }

    @Override
    public void addTo(WireMockServer server) {
        String project = DemoAccounts.PROJECT;
        Map<String, String> values = Map.of(
                "project", project,
                "file_url", demoPackage.path() + "#sha256=" + demoPackage.sha256(),
                "filename", DemoPackage.FILENAME);
        server.stubFor(get(urlPathEqualTo("/simple/")).atPriority(StubPriority.EXACT)
                .willReturn(simplePage(PageTemplates.get("simple-index").render(values::get))));
        server.stubFor(get(urlPathEqualTo("/simple/" + project + "/")).atPriority(StubPriority.EXACT)
                .willReturn(simplePage(PageTemplates.get("simple-project").render(values::get))));
        server.stubFor(get(RequestPatterns.projectNameVariants("/simple/")).atPriority(StubPriority.FIELD_FALLBACK)
                .willReturn(aResponse().withStatus(301).withHeader("Location", "/simple/" + project + "/")));
        server.stubFor(get(urlPathEqualTo(demoPackage.path())).atPriority(StubPriority.EXACT)
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/octet-stream")
                        .withBody(demoPackage.bytes())));
    }

    private static ResponseDefinitionBuilder simplePage(String html) {
        return aResponse().withStatus(200)
                .withHeader("Content-Type", DemoResponses.HTML)
                .withHeader("X-PyPI-Last-Serial", LAST_SERIAL)
                .withBody(html);
    }
}
