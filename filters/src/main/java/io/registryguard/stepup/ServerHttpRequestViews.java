package io.registryguard.stepup;

import io.registryguard.web.RequestCookieJar;
import io.registryguard.web.RequestCookies;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** Adapts a WebFlux request to the view the step-up core reads; cookies by every spelling a lenient server honours. */
public final class ServerHttpRequestViews {

    private ServerHttpRequestViews() {
    }

    public static StepUpRequestView of(ServerHttpRequest request) {
        RequestCookieJar cookies = RequestCookies.of(request);
        return new StepUpRequestView(name -> request.getHeaders().getOrEmpty(name), cookies::values);
    }
}
