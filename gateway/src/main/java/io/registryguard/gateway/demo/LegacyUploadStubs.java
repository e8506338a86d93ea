package io.registryguard.gateway.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.registryguard.gateway.demo.DemoResponses.page;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.UrlPattern;

/**
 * Twine's upload endpoint, {@code POST /legacy/} with multipart field {@code :action=file_upload}.
 * Warehouse accepts only API tokens; its errors go in the body and, for twine, in the status line.
 * Any other request to {@code /legacy/} gets Warehouse's "this is an API endpoint" page.
 */
final class LegacyUploadStubs implements DemoStubs {

    static final String PASSWORD_REFUSED = "Username/Password authentication is no longer supported. "
            + "Migrate to API Tokens or Trusted Publishers instead. "
            + "See https://pypi.org/help/#apitoken and https://pypi.org/help/#trusted-publishers";
    static final String INVALID_AUTH = "Invalid or non-existent authentication information. "
            + "See https://pypi.org/help/#invalid-auth for more information.";
    static final String MISSING_TRAILING_SLASH = "An upload was attempted to /legacy but the expected upload URL is "
            + "/legacy/ (with a trailing slash)";

    private static final UrlPattern LEGACY = urlPathEqualTo("/legacy/");

    @Override
    public void addTo(WireMockServer server) {
        // Warehouse answers a good upload with 200 and its warnings as the body: none here.
        server.stubFor(fileUpload().andMatching(UploadCredentialsMatcher.NAME, UploadCredentialsMatcher.kind(UploadCredentials.API_TOKEN))
                .atPriority(StubPriority.EXACT)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain; charset=utf-8").withBody("")));
        server.stubFor(fileUpload().andMatching(UploadCredentialsMatcher.NAME, UploadCredentialsMatcher.kind(UploadCredentials.PASSWORD))
                .atPriority(StubPriority.EXACT)
                .willReturn(refused(403, "Forbidden", "Access was denied to this resource.", PASSWORD_REFUSED)));
        server.stubFor(fileUpload().atPriority(StubPriority.FIELD_FALLBACK)
                .willReturn(refused(403, "Forbidden", "Access was denied to this resource.", INVALID_AUTH)));
        server.stubFor(any(LEGACY).atPriority(StubPriority.ROUTE_FALLBACK).willReturn(page(200, "upload-endpoint", "Upload API endpoint")));
        server.stubFor(post(urlPathEqualTo("/legacy")).atPriority(StubPriority.EXACT)
                .willReturn(refused(308, "Permanent Redirect", "The resource has been moved to /legacy/.", MISSING_TRAILING_SLASH)
                        .withHeader("Location", "/legacy/")));
    }

    private static MappingBuilder fileUpload() {
        return post(LEGACY).withMultipartRequestBody(aMultipart().withName(":action").withBody(equalTo("file_upload")));
    }

    /** Warehouse's {@code _exc_with_message}: the message is the status line's reason and ends the plain-text body. */
    private static ResponseDefinitionBuilder refused(int status, String title, String explanation, String message) {
        return aResponse()
                .withStatus(status)
                .withStatusMessage(message)
                .withHeader("Content-Type", "text/plain; charset=utf-8")
                .withBody(status + " " + title + "\n\n" + explanation + "\n\n" + message + "\n\n");
    }
}
