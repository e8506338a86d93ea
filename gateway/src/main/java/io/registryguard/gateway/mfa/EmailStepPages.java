package io.registryguard.gateway.mfa;

import java.time.Clock;
import java.util.Map;

import io.registryguard.audit.AuditDecision;
import io.registryguard.audit.AuditEventTypes;
import io.registryguard.audit.Auditor;
import io.registryguard.clientip.ClientAddress;
import io.registryguard.email.CodePurpose;
import io.registryguard.email.EmailCodeDelivery;
import io.registryguard.email.EmailVerification;
import io.registryguard.risk.LoginRisk;
import io.registryguard.mfa.SecondFactorService;
import io.registryguard.ratelimit.RateLimitDecision;
import io.registryguard.ratelimit.RateLimitRequest;
import io.registryguard.ratelimit.RateLimiter;
import io.registryguard.session.PendingLogin;
import io.registryguard.session.PendingLoginStore;
import io.registryguard.session.SessionWithholding;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The email step of {@code /_guard/2fa}: an account without a factor proves its address before enrolling one (the
 * 2024 fix); a login the risk score found unusual proves it before its factor is accepted (purpose
 * {@code sign-in}). During a burst of first enrollments across accounts, a risky login may not start one.
 */
final class EmailStepPages {

    private final PendingPages pages;
    private final PendingLoginStore pending;
    private final SecondFactorService factors;
    private final EmailCodeDelivery delivery;
    private final EmailVerification verification;
    private final RateLimiter limiter;
    private final java.time.Duration pendingTtl;
    private final Auditor audit;
    private final LoginRisk risk;
    private final Clock clock;

    EmailStepPages(PendingPages pages, PendingLoginStore pending, SecondFactorService factors,
            EmailCodeDelivery delivery, EmailVerification verification, RateLimiter limiter,
            java.time.Duration pendingTtl, Auditor audit, LoginRisk risk, Clock clock) {
        this.pages = pages;
        this.pending = pending;
        this.factors = factors;
        this.delivery = delivery;
        this.verification = verification;
        this.limiter = limiter;
        this.pendingTtl = pendingTtl;
        this.audit = audit;
        this.risk = risk;
        this.clock = clock;
    }

    Mono<ServerResponse> sendEmailCode(ServerRequest request) {
        return pages.withForm(request, (login, form) -> factors.hasFactor(login.username()).flatMap(has -> {
            if (has && !login.awaitsEmail()) {
                return PendingPages.redirect(TwoFactorPages.BASE); // nothing to confirm: the factor is all this login needs
            }
            Mono<Boolean> refused = has ? Mono.just(false)
                    : risk.refuseEnrollment(login.username(), clock.instant(), !login.riskReasons().isEmpty());
            return refused.flatMap(refuse -> refuse ? enrollmentPaused(request, login)
                    : sendCode(request, login, has));
        }));
    }

    private Mono<ServerResponse> sendCode(ServerRequest request, PendingLogin login, boolean hasFactor) {
        String retry = emailPage(hasFactor);
        var check = limiter.check(RateLimitRequest.emailCode(ClientAddress.of(request.exchange()).address(),
                login.username()));
        return check.flatMap(decision -> {
            if (decision instanceof RateLimitDecision.Refused refused) {
                return pages.page(retry, login, Map.of("error", "Too many codes were sent. Try again in "
                        + PendingPages.minutes(refused.retryAfterSeconds()) + "."), HttpStatus.TOO_MANY_REQUESTS);
            }
            return delivery.send(login.username(), purpose(hasFactor)).flatMap(sent -> sent.isEmpty()
                    ? pages.page("guard/2fa-no-email", login, Map.of(), HttpStatus.FORBIDDEN)
                    : pages.page("guard/2fa-email-code", login, Map.of("address", sent.get().maskedAddress()),
                            HttpStatus.OK))
                    .onErrorResume(RuntimeException.class, e -> pages.page(retry, login, Map.of("error",
                            "The code could not be sent just now. Please try again in a minute."),
                            HttpStatus.SERVICE_UNAVAILABLE));
        });
    }

    /** 2024: attackers enrolled their own factor on every account they got into; a burst of risky ones stops here. */
    private Mono<ServerResponse> enrollmentPaused(ServerRequest request, PendingLogin login) {
        audit.record(AuditEventTypes.FACTOR_ENROLLED, request.exchange(), login.username(), AuditDecision.DENIED,
                Map.of("risk-reasons", String.join(",", login.riskReasons())), "enrollment burst");
        return pending.take(login.id()).then(ServerResponse.status(HttpStatus.FORBIDDEN)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .cookie(SessionWithholding.pendingCookie("", java.time.Duration.ZERO))
                .render("guard/2fa-paused", Map.of("contact", pages.operatorsContact())));
    }

    Mono<ServerResponse> verifyEmailCode(ServerRequest request) {
        return pages.withForm(request, (login, form) -> factors.hasFactor(login.username()).flatMap(has ->
                verification.check(login.username(), purpose(has), PendingPages.value(form, "code")).flatMap(result -> {
                    if (result.isAccepted()) {
                        audit.record(AuditEventTypes.EMAIL_VERIFIED, request.exchange(), login.username(),
                                AuditDecision.NONE, Map.of());
                        return pending.save(login.withEmailVerified(), pendingTtl)
                                .then(PendingPages.redirect(has ? TwoFactorPages.BASE : TwoFactorPages.BASE + "/enroll"));
                    }
                    return pages.page("guard/2fa-email-code", login, Map.of("error", result.triesLeft() > 0
                            ? "That code did not work (" + result.triesLeft() + " tries left)."
                            : "That code can no longer be used. Send a new one."), HttpStatus.OK);
                })));
    }

    private static CodePurpose purpose(boolean hasFactor) {
        return hasFactor ? CodePurpose.SIGN_IN : CodePurpose.ENROLL;
    }

    static String emailPage(boolean hasFactor) {
        return hasFactor ? "guard/2fa-email-confirm" : "guard/2fa-email";
    }
}
