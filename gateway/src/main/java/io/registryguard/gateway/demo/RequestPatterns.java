package io.registryguard.gateway.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.matching.UrlPattern;

/** Request patterns several stub areas share. */
final class RequestPatterns {

    private RequestPatterns() {
    }

    /** Warehouse dispatches on the presence of a form field, whatever its value (even empty). */
    static StringValuePattern present() {
        return matching("(?s).*");
    }

    /** Any spelling of the demo project's name that PEP 503 normalises to it, with or without a trailing slash. */
    static UrlPattern projectNameVariants(String pathPrefix) {
        return urlPathMatching(pathPrefix + "(?i:demo[-_.]+project)/?");
    }
}
