package io.registryguard.gateway.demo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Map;

/**
 * Answers WireMock's HTTP admin API ({@code /__admin/…}) with the 404 page. The gateway forwards every
 * path to the registry, so in the demo profile anyone could otherwise reset or read the registry
 * (its request journal holds passwords). Tests use the in-process {@link DemoRegistry#wireMock()},
 * which does not go over HTTP.
 */
final class AdminApiBlocker implements RequestFilterV2 {

    static final String NAME = "demo-admin-api-blocker";

    private final ResponseDefinition notFound;

    AdminApiBlocker() {
        Map<String, String> values = Map.of("title", PublicPagesStubs.NOT_FOUND_TITLE, "user", "", "csrf_token", "");
        this.notFound = ResponseDefinitionBuilder.responseDefinition()
                .withStatus(404)
                .withHeader("Content-Type", DemoResponses.HTML)
                .withBody(PageTemplates.renderInLayout("not-found", values::get))
                .build();
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        return RequestFilterAction.stopWith(notFound);
    }

    @Override
    public boolean applyToAdmin() {
        return true;
    }

    @Override
    public boolean applyToStubs() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
