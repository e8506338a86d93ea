package io.registryguard.gateway.demo;

import static com.github.tomakehurst.wiremock.http.HttpHeader.httpHeader;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Renders the stub's {@code template} page inside the layout, with values from the request
 * (see {@link PageValues}). The stub decides status and other headers; this only writes the body.
 */
final class PageTransformer implements ResponseTransformerV2 {

    static final String NAME = "demo-page";

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        var parameters = serveEvent.getTransformerParameters();
        var values = new PageValues(serveEvent.getRequest(), parameters);
        String html = PageTemplates.renderInLayout(parameters.getString("template"), values);
        return Response.Builder.like(response).but()
                .headers(response.getHeaders().plus(httpHeader("Content-Type", DemoResponses.HTML)))
                .body(html)
                .build();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
