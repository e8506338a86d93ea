package io.registryguard.stepup;

import java.util.List;

import org.springframework.http.HttpCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** Adapts a WebFlux request to the view the step-up core reads. */
public final class ServerHttpRequestViews {

    private ServerHttpRequestViews() {
    }

    public static StepUpRequestView of(ServerHttpRequest request) {
        return new StepUpRequestView(name -> request.getHeaders().getOrEmpty(name),
                name -> request.getCookies().getOrDefault(name, List.of()).stream().map(HttpCookie::getValue).toList());
    }
}
