package io.registryguard.stepup;

import java.util.Optional;

/**
 * Finds the step-up token a request carries. API clients send it in {@value #HEADER}, because
 * {@code Authorization} already carries the registry's own credentials (twine's Basic auth or API token)
 * and a request has one {@code Authorization} only; browsers carry it in the {@value #COOKIE} cookie,
 * which the {@code __Host-} prefix pins to this host, HTTPS and path {@code /}.
 */
@FunctionalInterface
public interface StepUpTokenExtractor {

    String HEADER = "X-Guard-Step-Up";
    String COOKIE = "__Host-guard-stepup";

    /** The token, when there is exactly one; several different ones are as good as none. */
    Optional<String> extract(StepUpRequestView request);

    /** This extractor's token, or when it finds none, {@code next}'s. */
    default StepUpTokenExtractor orElse(StepUpTokenExtractor next) {
        return request -> {
            Optional<String> token = extract(request);
            return token.isPresent() ? token : next.extract(request);
        };
    }

    /** From the {@value #HEADER} header. */
    static StepUpTokenExtractor header() {
        return request -> StepUpTokenExtractors.single(request.header(HEADER));
    }

    /** From the {@value #COOKIE} cookie. */
    static StepUpTokenExtractor cookie() {
        return request -> StepUpTokenExtractors.single(request.cookie(COOKIE));
    }

    /** The header when present (an API client said so explicitly), else the cookie. */
    static StepUpTokenExtractor headerThenCookie() {
        return header().orElse(cookie());
    }
}
