package io.registryguard.gateway.mfa;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.registryguard.audit.AuditDecision;
import io.registryguard.audit.AuditEventTypes;
import io.registryguard.audit.Auditor;
import io.registryguard.clientip.ClientAddress;
import io.registryguard.mfa.RecoveryCodes;
import io.registryguard.mfa.SecondFactorService;
import io.registryguard.mfa.TotpSecret;
import io.registryguard.policy.RouteClass;
import io.registryguard.ratelimit.AttemptOutcome;
import io.registryguard.ratelimit.RateLimitDecision;
import io.registryguard.ratelimit.RateLimitRequest;
import io.registryguard.ratelimit.RateLimiter;
import io.registryguard.session.GuardSession;
import io.registryguard.session.GuardSessionCookies;
import io.registryguard.session.PendingLogin;
import io.registryguard.session.PendingLoginStore;
import io.registryguard.session.SessionWithholding;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code /_guard/2fa}: the second factor after a password login the registry accepted. An account with a factor
 * enters a TOTP or recovery code; an account without one first proves its email (a code sent to the address on
 * file), then enrolls TOTP, then sees its recovery codes once. A login the risk score found unusual proves its email
 * first whatever it has (the code's purpose is then {@code sign-in}). During a burst of first enrollments across
 * accounts, a risky login may not enroll at all. Only then are the registry's cookies released, with the guard
 * session bound to them.
 */
final class TwoFactorPages {

    static final String BASE = SessionWithholding.TWO_FACTOR_PATH;

    private final PendingPages pages;
    private final PendingLoginStore pending;
    private final SecondFactorService factors;
    private final RateLimiter limiter;
    private final GuardSessionCookies sessions;
    private final String registryCookie;
    private final java.time.Duration pendingTtl;
    private final Auditor audit;

    TwoFactorPages(PendingPages pages, PendingLoginStore pending, SecondFactorService factors, RateLimiter limiter,
            GuardSessionCookies sessions, String registryCookie, java.time.Duration pendingTtl, Auditor audit) {
        this.pages = pages;
        this.pending = pending;
        this.factors = factors;
        this.limiter = limiter;
        this.sessions = sessions;
        this.registryCookie = registryCookie;
        this.pendingTtl = pendingTtl;
        this.audit = audit;
    }

    Mono<ServerResponse> show(ServerRequest request) {
        return pages.withPending(request, login -> factors.hasFactor(login.username()).flatMap(has -> {
            if (login.awaitsEmail()) {
                return pages.page(EmailStepPages.emailPage(has), login, Map.of(), HttpStatus.OK);
            }
            if (has) {
                return pages.page("guard/2fa-code", login, Map.of(), HttpStatus.OK);
            }
            if (login.emailVerified()) {
                return PendingPages.redirect(BASE + "/enroll");
            }
            return pages.page("guard/2fa-email", login, Map.of(), HttpStatus.OK);
        }));
    }

    Mono<ServerResponse> verify(ServerRequest request) {
        return pages.withForm(request, (login, form) -> login.awaitsEmail() ? PendingPages.redirect(BASE)
                : limited(request, login, RouteClass.SECOND_FACTOR, decision ->
                factors.verify(login.username(), PendingPages.value(form, "code")).flatMap(result -> {
                    if (!result.accepted()) {
                        audit.record(AuditEventTypes.SECOND_FACTOR_REFUSED, request.exchange(), login.username(),
                                AuditDecision.DENIED, Map.of());
                        return limiter.recordOutcome(decision, AttemptOutcome.FAILURE).then(pages.page("guard/2fa-code",
                                login, Map.of("error", "That code did not work. Try the current code from your app,"
                                        + " or a recovery code."), HttpStatus.OK));
                    }
                    String amr = result.method().orElseThrow().amr();
                    return limiter.recordOutcome(decision, AttemptOutcome.SUCCESS)
                            .then(release(request, login, Set.of(amr), null));
                })));
    }

    Mono<ServerResponse> showEnrollment(ServerRequest request) {
        return pages.withPending(request, login -> {
            if (!login.emailVerified()) {
                return PendingPages.redirect(BASE); // the email comes first, whatever the browser asks for
            }
            return factors.hasFactor(login.username()).flatMap(has -> {
                if (has) {
                    return PendingPages.redirect(BASE);
                }
                var provisioning = factors.enrollTotp(login.username());
                return pending.save(login.withPendingTotpSecret(provisioning.secret().base32()), pendingTtl)
                        .then(pages.page("guard/2fa-enroll", login, Map.of("qr", provisioning.qrCodeSvg(),
                                "secret", provisioning.secret().base32()), HttpStatus.OK));
            });
        });
    }

    Mono<ServerResponse> confirmEnrollment(ServerRequest request) {
        return pages.withForm(request, (login, form) -> {
            if (!login.emailVerified() || login.pendingTotpSecret() == null) {
                audit.record(AuditEventTypes.FACTOR_ENROLLED, request.exchange(), login.username(),
                        AuditDecision.DENIED, Map.of(), "email not verified");
                return PendingPages.redirect(BASE);
            }
            return limited(request, login, RouteClass.SECOND_FACTOR, decision -> factors.confirmTotp(login.username(),
                    TotpSecret.fromBase32(login.pendingTotpSecret()), PendingPages.value(form, "code"))
                    .flatMap(codes -> {
                        audit.record(AuditEventTypes.FACTOR_ENROLLED, request.exchange(), login.username(),
                                AuditDecision.ALLOWED, Map.of("method", "otp"));
                        return limiter.recordOutcome(decision, AttemptOutcome.SUCCESS)
                                .then(release(request, login, Set.of("email", "otp"), codes));
                    })
                    .switchIfEmpty(Mono.defer(() -> limiter.recordOutcome(decision, AttemptOutcome.FAILURE)
                            .then(showEnrollmentAgain(login)))));
        });
    }

    private Mono<ServerResponse> showEnrollmentAgain(PendingLogin login) {
        TotpSecret secret = TotpSecret.fromBase32(login.pendingTotpSecret());
        return pages.page("guard/2fa-enroll", login, Map.of("secret", secret.base32(),
                "error", "That code did not match. Check the time on your device and try the next code."),
                HttpStatus.OK);
    }

    /** Completes the login: one use of the pending record, the registry's cookies back, a guard session bound to them. */
    private Mono<ServerResponse> release(ServerRequest request, PendingLogin login, Set<String> amr,
            RecoveryCodes recoveryCodes) {
        return pending.take(login.id()).flatMap(taken -> {
            String registryValue = registryValue(taken.registryCookies());
            GuardSession session = sessions.start(taken.username(), new LinkedHashSet<>(amr),
                    registryValue == null ? "" : registryValue);
            audit.record(AuditEventTypes.SECOND_FACTOR_ACCEPTED, request.exchange(), taken.username(),
                    AuditDecision.ALLOWED, Map.of("amr", String.join(" ", amr)));
            Mono<ServerResponse.BodyBuilder> builder = Mono.just(recoveryCodes == null
                    ? ServerResponse.seeOther(URI.create(taken.next()))
                    : ServerResponse.ok());
            return builder.flatMap(b -> {
                b.header(HttpHeaders.CACHE_CONTROL, "no-store");
                taken.registryCookies().forEach(c -> b.header(HttpHeaders.SET_COOKIE, c));
                b.cookie(sessions.cookie(session));
                b.cookie(SessionWithholding.pendingCookie("", java.time.Duration.ZERO));
                return recoveryCodes == null ? b.build()
                        : b.render("guard/2fa-recovery", Map.of("codes", recoveryCodes.codes(), "next", taken.next()));
            });
        }).switchIfEmpty(Mono.defer(() -> PendingPages.redirect("/account/login/")));
    }

    private String registryValue(List<String> setCookies) {
        for (String cookie : setCookies) {
            if (cookie.startsWith(registryCookie + "=")) {
                int end = cookie.indexOf(';');
                return cookie.substring(registryCookie.length() + 1, end < 0 ? cookie.length() : end);
            }
        }
        return null;
    }

    private Mono<ServerResponse> limited(ServerRequest request, PendingLogin login, RouteClass routeClass,
            java.util.function.Function<RateLimitDecision, Mono<ServerResponse>> then) {
        return limiter.check(RateLimitRequest.of(routeClass, ClientAddress.of(request.exchange()).address(),
                login.username())).flatMap(decision -> decision instanceof RateLimitDecision.Refused refused
                        ? pages.page("guard/2fa-code", login, Map.of("error", "Too many attempts. Try again in "
                                + PendingPages.minutes(refused.retryAfterSeconds()) + "."), HttpStatus.TOO_MANY_REQUESTS)
                        : then.apply(decision));
    }

}
