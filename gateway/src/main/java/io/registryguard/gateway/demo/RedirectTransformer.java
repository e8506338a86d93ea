package io.registryguard.gateway.demo;

import static com.github.tomakehurst.wiremock.http.HttpHeader.httpHeader;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Sets a {@code Location} that depends on the request. Parameter {@code target}:
 * <ul>
 *   <li>{@code next}: the request's {@code next} parameter when it is a local path, else the
 *       {@code fallback} parameter (login, logout);</li>
 *   <li>{@code login}: {@code /account/login/?next=<this path and query>} (a logged-in page asked
 *       for without a session, as Warehouse's forbidden view does).</li>
 * </ul>
 */
final class RedirectTransformer implements ResponseTransformerV2 {

    static final String NAME = "demo-redirect";
    static final String TARGET_NEXT = "next";
    static final String TARGET_LOGIN = "login";

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        Parameters parameters = serveEvent.getTransformerParameters();
        String location = switch (parameters.getString("target")) {
            case TARGET_NEXT -> SafeRedirect.localPath(SafeRedirect.requestedNext(serveEvent.getRequest()))
                    .orElse(parameters.getString("fallback"));
            case TARGET_LOGIN -> "/account/login/?next="
                    + URLEncoder.encode(serveEvent.getRequest().getUrl(), StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException("Unknown redirect target " + parameters.getString("target"));
        };
        return Response.Builder.like(response).but()
                .headers(response.getHeaders().plus(httpHeader("Location", location)))
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
