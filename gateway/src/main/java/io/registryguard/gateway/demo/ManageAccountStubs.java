package io.registryguard.gateway.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.registryguard.gateway.demo.DemoResponses.page;
import static io.registryguard.gateway.demo.DemoResponses.seeOther;
import static io.registryguard.gateway.demo.LoginRequired.loggedIn;
import static io.registryguard.gateway.demo.RequestPatterns.present;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.UrlPattern;

/**
 * The logged-in account area. {@code POST /manage/account/} dispatches on which form field is
 * present, as Warehouse does: {@code confirm_password} deletes the account (checked first),
 * {@code email} adds an address, {@code new_password} changes the password, {@code primary_email_id}
 * and {@code delete_email_id} change the addresses.
 */
final class ManageAccountStubs implements DemoStubs {

    private static final UrlPattern PROJECTS = urlPathEqualTo("/manage/projects/");
    private static final UrlPattern ACCOUNT = urlPathEqualTo("/manage/account/");
    private static final UrlPattern TOKEN = urlPathEqualTo("/manage/account/token/");
    private static final UrlPattern TOTP_PROVISION = urlPathEqualTo("/manage/account/totp-provision");

    @Override
    public void addTo(WireMockServer server) {
        for (UrlPattern path : new UrlPattern[] {PROJECTS, ACCOUNT, TOKEN, TOTP_PROVISION}) {
            LoginRequired.guard(server, path);
        }
        server.stubFor(loggedIn(get(PROJECTS)).atPriority(StubPriority.EXACT).willReturn(page(200, "manage-projects", "Your projects")));

        server.stubFor(loggedIn(get(ACCOUNT)).atPriority(StubPriority.EXACT).willReturn(accountPage()));
        server.stubFor(loggedIn(post(ACCOUNT)).withFormParam("confirm_password", present()).atPriority(StubPriority.FIRST)
                .willReturn(seeOther("/").withHeader("Set-Cookie", DemoSession.clearedCookies())));
        dispatch(server, "email", "Email {{form.email}} added - check your email for a verification link");
        dispatch(server, "new_password", "Password updated");
        dispatch(server, "primary_email_id", "Email address {{email}} set as primary");
        dispatch(server, "delete_email_id", "Email address removed");
        server.stubFor(loggedIn(post(ACCOUNT)).atPriority(StubPriority.FIELD_FALLBACK).willReturn(accountPage()));

        server.stubFor(loggedIn(get(TOKEN)).atPriority(StubPriority.EXACT).willReturn(page(200, "token", "Add API token")));
        server.stubFor(loggedIn(post(TOKEN)).withFormParam("description", matching("(?s).*\\S.*")).atPriority(StubPriority.EXACT)
                .willReturn(page(200, "token-created", "Add API token")));
        server.stubFor(loggedIn(post(TOKEN)).atPriority(StubPriority.FIELD_FALLBACK)
                .willReturn(page(200, "token", "Add API token").withTransformerParameter("error", "Specify a token name")));

        server.stubFor(loggedIn(get(TOTP_PROVISION)).atPriority(StubPriority.EXACT)
                .willReturn(page(200, "totp-provision", "Set up 2FA with an authentication application (TOTP)")));
        server.stubFor(loggedIn(post(TOTP_PROVISION)).withFormParam("totp_value", matching("\\s*\\d{6}\\s*")).atPriority(StubPriority.EXACT)
                .willReturn(seeOther("/manage/account/")));
        server.stubFor(loggedIn(post(TOTP_PROVISION)).atPriority(StubPriority.FIELD_FALLBACK)
                .willReturn(page(200, "totp-provision", "Set up 2FA with an authentication application (TOTP)")
                        .withTransformerParameter("error", "Invalid TOTP code.")));
    }

    private static void dispatch(WireMockServer server, String field, String flash) {
        server.stubFor(loggedIn(post(ACCOUNT)).withFormParam(field, present()).atPriority(StubPriority.EXACT)
                .willReturn(accountPage().withTransformerParameter("flash", flash)));
    }

    private static ResponseDefinitionBuilder accountPage() {
        return page(200, "manage-account", "Account settings");
    }
}
