package io.registryguard.gateway.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** The response shapes the stubs share: HTML pages and {@code 303 See Other} redirects. */
final class DemoResponses {

    static final String HTML = "text/html; charset=utf-8";

    private DemoResponses() {
    }

    /** A page from {@code demo/pages/<template>.html} in the layout, rendered per request. */
    static ResponseDefinitionBuilder page(int status, String template, String title) {
        return aResponse()
                .withStatus(status)
                .withTransformers(PageTransformer.NAME)
                .withTransformerParameter("template", template)
                .withTransformerParameter("title", title);
    }

    static ResponseDefinitionBuilder seeOther(String location) {
        return aResponse().withStatus(303).withHeader("Location", location);
    }

    /** 303 to the request's {@code next} when it is a local path, else to {@code fallback}. */
    static ResponseDefinitionBuilder seeOtherToNextOr(String fallback) {
        return aResponse()
                .withStatus(303)
                .withTransformers(RedirectTransformer.NAME)
                .withTransformerParameter("target", RedirectTransformer.TARGET_NEXT)
                .withTransformerParameter("fallback", fallback);
    }

    /** 303 to the login form, asking it to come back here afterwards. */
    static ResponseDefinitionBuilder seeOtherToLogin() {
        return aResponse()
                .withStatus(303)
                .withTransformers(RedirectTransformer.NAME)
                .withTransformerParameter("target", RedirectTransformer.TARGET_LOGIN);
    }
}
