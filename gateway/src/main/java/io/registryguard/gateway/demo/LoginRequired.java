package io.registryguard.gateway.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.any;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.UrlPattern;

/** Routes only a logged-in user reaches; without a demo session they redirect to the login form. */
final class LoginRequired {

    private LoginRequired() {
    }

    /** Restricts a stub to requests carrying a demo user's {@code session_id}. */
    static MappingBuilder loggedIn(MappingBuilder stub) {
        return stub.withCookie(DemoSession.SESSION_COOKIE, DemoSession.anyUserSession());
    }

    /** Answers any request to {@code path} without a demo session with a redirect to the login form. */
    static void guard(WireMockServer server, UrlPattern path) {
        server.stubFor(any(path).atPriority(StubPriority.LOGIN_REQUIRED).willReturn(DemoResponses.seeOtherToLogin()));
    }
}
