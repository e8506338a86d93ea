package io.registryguard.risk;

import io.registryguard.policy.risk.RiskChecks;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * A browser posting the login form sends {@code Origin}, {@code Accept-Language} and (every current browser)
 * {@code Sec-Fetch-Site}/{@code Sec-Fetch-Mode}; a stuffing script replaying the form usually does not. Each
 * missing header adds {@code weightPerHeader}. API logins are not judged: pip and twine send none of them.
 */
public final class BrowserHeadersSignal implements RiskSignal {

    private final int weightPerHeader;

    public BrowserHeadersSignal(int weightPerHeader) {
        RiskChecks.positive("missing-browser-headers.weight", weightPerHeader);
        this.weightPerHeader = weightPerHeader;
    }

    @Override
    public Mono<List<WeightedReason>> evaluate(LoginAttempt attempt) {
        if (attempt.channel() != LoginChannel.BROWSER) {
            return Mono.just(List.of());
        }
        int missing = missing(attempt.origin()) + missing(attempt.secFetchSite()) + missing(attempt.secFetchMode())
                + missing(attempt.acceptLanguage());
        return Mono.just(missing == 0 ? List.of()
                : List.of(WeightedReason.of(RiskReason.MISSING_BROWSER_HEADERS, missing * weightPerHeader)));
    }

    private static int missing(String header) {
        return header == null || header.isBlank() ? 1 : 0;
    }
}
