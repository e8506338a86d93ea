package io.registryguard.gateway.demo;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;

/** Matches an upload whose {@code Authorization} amounts to the {@link UploadCredentials} named by parameter {@code kind}. */
final class UploadCredentialsMatcher extends RequestMatcherExtension {

    static final String NAME = "demo-upload-credentials";

    static Parameters kind(UploadCredentials credentials) {
        return Parameters.one("kind", credentials.name());
    }

    @Override
    public MatchResult match(Request request, Parameters parameters) {
        UploadCredentials wanted = UploadCredentials.valueOf(parameters.getString("kind"));
        return MatchResult.of(UploadCredentials.of(request.getHeader("Authorization")) == wanted);
    }

    @Override
    public String getName() {
        return NAME;
    }
}
