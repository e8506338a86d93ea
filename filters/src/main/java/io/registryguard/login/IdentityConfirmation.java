package io.registryguard.login;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import io.registryguard.audit.AuditDecision;
import io.registryguard.audit.AuditEventTypes;
import io.registryguard.audit.Auditor;
import io.registryguard.policy.AccountNames;
import io.registryguard.policy.IdentityProbeRule;
import io.registryguard.web.Problem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * After the registry accepts a password: whose session did it make? With a probe configured, the registry is
 * asked ({@link IdentityProbe}) and its account, canonicalized, must be the typed one; then the login goes on under
 * that account. Otherwise nothing is released: the registry's cookies and redirect are taken off its answer, which
 * becomes a refusal, and {@code login.identity-mismatch} is audited with the typed and the probed account.
 *
 * <p>Refusals: 403 when the registry authenticated another account than the typed one (the request was read two
 * ways: issue 11's duplicated username field); 502 when the registry's answer to the probe had no account, was
 * not 2xx, or did not come in time (the guard cannot tell whose session it is, and the fault is upstream).
 */
public final class IdentityConfirmation {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfirmation.class);

    private final IdentityProbe probe;
    private final Auditor audit;

    public IdentityConfirmation(IdentityProbe probe, Auditor audit) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * @param rule  the login route's probe, or null: the typed name stands (unconfirmed, as before probes)
     * @param typed the canonical typed account, or null when the guard read none: then only the probe can say whose
     *              session the registry made, and without a probe nothing is released (a lenient registry may find a
     *              username where the guard found none)
     * @return the confirmed canonical account, or empty after the answer was turned into a refusal
     */
    public Mono<Optional<String>> confirm(ServerWebExchange exchange, @Nullable IdentityProbeRule rule,
            AccountNames names, @Nullable String typed) {
        if (rule == null && typed == null) {
            refuse(exchange, null, null, "no-username");
            return Mono.just(Optional.empty());
        }
        if (rule == null) {
            return Mono.just(Optional.of(typed));
        }
        List<String> setCookies = List.copyOf(exchange.getResponse().getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE));
        return probe.accountOf(rule, setCookies)
                .timeout(rule.timeout().plusMillis(250)) // the probe's own timeout should have fired; a bound anyway
                .defaultIfEmpty(Optional.empty())
                .map(answered -> {
                    Optional<String> probed = answered.flatMap(names::canonical);
                    if (probed.isPresent() && (typed == null || probed.get().equals(typed))) {
                        return probed;
                    }
                    refuse(exchange, typed, probed.orElse(null), probed.isPresent() ? "mismatch" : "no-account");
                    return Optional.<String>empty();
                })
                .onErrorResume(error -> {
                    String reason = error instanceof TimeoutException ? "timeout" : "probe-failed";
                    log.warn("identity probe for a login failed ({}): refused", error.toString());
                    refuse(exchange, typed, null, reason);
                    return Mono.just(Optional.empty());
                });
    }

    private void refuse(ServerWebExchange exchange, @Nullable String typed, @Nullable String probed, String reason) {
        // no typed name and no probe: the registry made a session the guard cannot attribute (403, like a mismatch)
        boolean mismatch = probed != null || reason.equals("no-username");
        audit.record(AuditEventTypes.LOGIN_IDENTITY_MISMATCH, exchange, probed != null ? probed : typed,
                AuditDecision.DENIED, Map.of("typed", typed == null ? "none" : typed,
                        "probed", probed == null ? "none" : probed), reason);
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        for (String header : List.of(HttpHeaders.SET_COOKIE, HttpHeaders.LOCATION, HttpHeaders.CONTENT_LENGTH,
                HttpHeaders.CONTENT_ENCODING, HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CONTENT_TYPE,
                HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED)) {
            headers.remove(header);
        }
        response.getCookies().remove(DeviceCookies.COOKIE); // earned by a password for another account, or none
        HttpStatus status = mismatch ? HttpStatus.FORBIDDEN : HttpStatus.BAD_GATEWAY;
        response.setStatusCode(status);
        exchange.getAttributes().put(AnswerJudge.REPLACEMENT, Problem.of(status,
                mismatch ? "Forbidden" : "Bad Gateway",
                "The sign-in could not be confirmed, so it did not complete. Please sign in again with your own"
                        + " username."));
    }
}
