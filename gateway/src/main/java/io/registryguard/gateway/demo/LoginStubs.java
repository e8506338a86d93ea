package io.registryguard.gateway.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.registryguard.gateway.demo.DemoResponses.page;
import static io.registryguard.gateway.demo.DemoResponses.seeOther;
import static io.registryguard.gateway.demo.DemoResponses.seeOtherToNextOr;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.UrlPattern;

/**
 * {@code /account/login/} and {@code /account/logout/} as Warehouse answers them: a correct password
 * gets {@code 303} with the session cookies, a wrong one {@code 200} and the form again with an error
 * (the gateway has to read the page to see the failure).
 */
final class LoginStubs implements DemoStubs {

    static final String INVALID_PASSWORD = "The password is invalid. Try again.";
    static final String NO_SUCH_USER = "No user found with that username";
    static final String FIELD_REQUIRED = "This field is required.";

    private static final UrlPattern LOGIN = urlPathEqualTo("/account/login/");
    private static final UrlPattern LOGOUT = urlPathEqualTo("/account/logout/");
    private static final String AFTER_LOGIN = "/manage/projects/";

    @Override
    public void addTo(WireMockServer server) {
        // Warehouse sends a user who is already logged in away from the login form.
        server.stubFor(LoginRequired.loggedIn(any(LOGIN)).atPriority(StubPriority.FIRST).willReturn(seeOther(AFTER_LOGIN)));
        server.stubFor(get(LOGIN).atPriority(StubPriority.EXACT).willReturn(page(200, "login", "Log in")));
        for (DemoUser user : DemoAccounts.USERS) {
            server.stubFor(post(LOGIN)
                    .withFormParam("username", equalToIgnoreCase(user.username()))
                    .withFormParam("password", equalTo(user.password()))
                    .atPriority(StubPriority.EXACT)
                    .willReturn(seeOtherToNextOr(AFTER_LOGIN).withHeader("Set-Cookie", DemoSession.loginCookies(user))));
            server.stubFor(post(LOGIN)
                    .withFormParam("username", equalToIgnoreCase(user.username()))
                    .atPriority(StubPriority.FIELD_FALLBACK)
                    .willReturn(loginFailed(INVALID_PASSWORD)));
        }
        server.stubFor(post(LOGIN).withFormParam("username", absent())
                .atPriority(StubPriority.FIELD_FALLBACK).willReturn(loginFailed(FIELD_REQUIRED)));
        server.stubFor(post(LOGIN).withFormParam("username", matching("\\s*"))
                .atPriority(StubPriority.FIELD_FALLBACK).willReturn(loginFailed(FIELD_REQUIRED)));
        server.stubFor(post(LOGIN).atPriority(StubPriority.ROUTE_FALLBACK).willReturn(loginFailed(NO_SUCH_USER)));

        server.stubFor(LoginRequired.loggedIn(get(LOGOUT)).atPriority(StubPriority.EXACT)
                .willReturn(page(200, "logout", "Log out")));
        server.stubFor(get(LOGOUT).atPriority(StubPriority.FIELD_FALLBACK).willReturn(seeOtherToNextOr("/")));
        server.stubFor(post(LOGOUT).atPriority(StubPriority.EXACT)
                .willReturn(seeOtherToNextOr("/").withHeader("Set-Cookie", DemoSession.clearedCookies())));
    }

    private static ResponseDefinitionBuilder loginFailed(String error) {
        return page(200, "login", "Log in").withTransformerParameter("error", error);
    }
}
