package io.registryguard.gateway.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.registryguard.gateway.demo.DemoResponses.page;
import static io.registryguard.gateway.demo.DemoResponses.seeOther;
import static io.registryguard.gateway.demo.LoginRequired.loggedIn;
import static io.registryguard.gateway.demo.RequestPatterns.present;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.UrlPattern;

/**
 * Project management, the routes of the Nov 2023 takeover: invite a collaborator, accept the
 * invitation, change or remove roles, delete the project. Any demo session may use them (Warehouse
 * would also check the user's role in the project; the demo does not).
 */
final class CollaborationStubs implements DemoStubs {

    private static final String PROJECT_BASE = "/manage/project/" + DemoAccounts.PROJECT + "/";
    private static final String COLLABORATION = PROJECT_BASE + "collaboration/";
    private static final String SETTINGS = PROJECT_BASE + "settings/";
    private static final String PROJECTS = "/manage/projects/";

    private static final UrlPattern INVITE = urlPathEqualTo(COLLABORATION);
    private static final UrlPattern CHANGE_ROLE = urlPathEqualTo(COLLABORATION + "change/");
    private static final UrlPattern DELETE_ROLE = urlPathEqualTo(COLLABORATION + "delete/");
    private static final UrlPattern REVOKE_INVITE = urlPathEqualTo(COLLABORATION + "revoke_invite/");
    private static final UrlPattern PROJECT_SETTINGS = urlPathEqualTo(SETTINGS);
    private static final UrlPattern DELETE_PROJECT = urlPathEqualTo(PROJECT_BASE + "delete_project/");
    private static final UrlPattern VERIFY_ROLE = urlPathEqualTo("/account/verify-project-role/");

    @Override
    public void addTo(WireMockServer server) {
        for (UrlPattern path : new UrlPattern[] {INVITE, CHANGE_ROLE, DELETE_ROLE, REVOKE_INVITE, PROJECT_SETTINGS, DELETE_PROJECT, VERIFY_ROLE}) {
            LoginRequired.guard(server, path);
        }
        server.stubFor(loggedIn(get(INVITE)).atPriority(StubPriority.EXACT)
                .willReturn(page(200, "collaboration", "Manage collaborators")));
        server.stubFor(loggedIn(post(INVITE)).withFormParam("username", present()).withFormParam("role_name", present())
                .atPriority(StubPriority.EXACT).willReturn(seeOther(COLLABORATION)));
        server.stubFor(loggedIn(post(INVITE)).atPriority(StubPriority.FIELD_FALLBACK)
                .willReturn(page(200, "collaboration", "Manage collaborators")));
        server.stubFor(loggedIn(post(CHANGE_ROLE)).atPriority(StubPriority.EXACT).willReturn(seeOther(COLLABORATION)));
        server.stubFor(loggedIn(post(REVOKE_INVITE)).atPriority(StubPriority.EXACT).willReturn(seeOther(COLLABORATION)));
        // Removing yourself leaves the project's pages, so Warehouse sends you to your project list.
        for (DemoUser user : DemoAccounts.USERS) {
            server.stubFor(post(DELETE_ROLE)
                    .withCookie(DemoSession.SESSION_COOKIE, equalTo(user.sessionId()))
                    .withFormParam("username", equalTo(user.username()))
                    .atPriority(StubPriority.EXACT).willReturn(seeOther(PROJECTS)));
        }
        server.stubFor(loggedIn(post(DELETE_ROLE)).atPriority(StubPriority.FIELD_FALLBACK).willReturn(seeOther(COLLABORATION)));

        server.stubFor(loggedIn(get(PROJECT_SETTINGS)).atPriority(StubPriority.EXACT)
                .willReturn(page(200, "project-settings", "Settings for " + DemoAccounts.PROJECT)));
        server.stubFor(loggedIn(post(DELETE_PROJECT)).withFormParam("confirm_project_name", equalTo(DemoAccounts.PROJECT))
                .atPriority(StubPriority.EXACT).willReturn(seeOther(PROJECTS)));
        server.stubFor(loggedIn(post(DELETE_PROJECT)).atPriority(StubPriority.FIELD_FALLBACK).willReturn(seeOther(SETTINGS)));

        server.stubFor(loggedIn(get(VERIFY_ROLE)).withQueryParam("token", matching(".+")).atPriority(StubPriority.EXACT)
                .willReturn(page(200, "verify-project-role", "Accept invitation")));
        server.stubFor(loggedIn(get(VERIFY_ROLE)).atPriority(StubPriority.FIELD_FALLBACK).willReturn(seeOther(PROJECTS)));
        server.stubFor(loggedIn(post(VERIFY_ROLE)).withFormParam("accept", present()).atPriority(StubPriority.EXACT)
                .willReturn(seeOther(PROJECTS)));
        server.stubFor(loggedIn(post(VERIFY_ROLE)).withFormParam("decline", present()).atPriority(StubPriority.EXACT)
                .willReturn(seeOther(PROJECTS)));
        server.stubFor(loggedIn(post(VERIFY_ROLE)).atPriority(StubPriority.FIELD_FALLBACK)
                .willReturn(page(200, "verify-project-role", "Accept invitation")));
    }
}
