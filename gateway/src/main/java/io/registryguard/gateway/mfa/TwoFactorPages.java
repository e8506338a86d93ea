package io.registryguard.gateway.mfa;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.registryguard.audit.AuditDecision;
import io.registryguard.audit.AuditEventTypes;
import io.registryguard.audit.Auditor;
import io.registryguard.clientip.ClientAddress;
import io.registryguard.email.CodePurpose;
import io.registryguard.email.EmailCodeDelivery;
import io.registryguard.email.EmailVerification;
import io.registryguard.mfa.RecoveryCodes;
import io.registryguard.risk.LoginRisk;
import io.registryguard.mfa.SecondFactorService;
import io.registryguard.mfa.TotpSecret;
import io.registryguard.policy.RouteClass;
import io.registryguard.ratelimit.AttemptOutcome;
import io.registryguard.ratelimit.RateLimitDecision;
import io.registryguard.ratelimit.RateLimitRequest;
import io.registryguard.ratelimit.RateLimiter;
import io.registryguard.session.FrozenAccounts;
import io.registryguard.session.GuardSession;
import io.registryguard.session.GuardSessionCookies;
import io.registryguard.session.PendingLogin;
import io.registryguard.session.PendingLoginStore;
import io.registryguard.session.SessionWithholding;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
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

    private final PendingLoginStore pending;
    private final SecondFactorService factors;
    private final EmailCodeDelivery delivery;
    private final EmailVerification verification;
    private final RateLimiter limiter;
    private final GuardSessionCookies sessions;
    private final String registryCookie;
    private final java.time.Duration pendingTtl;
    private final FrozenAccounts frozen;
    private final String operatorsContact;
    private final Auditor audit;
    private final LoginRisk risk;
    private final Clock clock;

    TwoFactorPages(PendingLoginStore pending, SecondFactorService factors, EmailCodeDelivery delivery,
            EmailVerification verification, RateLimiter limiter, GuardSessionCookies sessions, String registryCookie,
            java.time.Duration pendingTtl, FrozenAccounts frozen, String operatorsContact, Auditor audit,
            LoginRisk risk, Clock clock) {
        this.audit = audit;
        this.risk = risk;
        this.clock = clock;
        this.frozen = frozen;
        this.operatorsContact = operatorsContact;
        this.pending = pending;
        this.factors = factors;
        this.delivery = delivery;
        this.verification = verification;
        this.limiter = limiter;
        this.sessions = sessions;
        this.registryCookie = registryCookie;
        this.pendingTtl = pendingTtl;
    }

    Mono<ServerResponse> show(ServerRequest request) {
        return withPending(request, login -> factors.hasFactor(login.username()).flatMap(has -> {
            if (login.awaitsEmail()) {
                return page(emailPage(has), login, Map.of(), HttpStatus.OK);
            }
            if (has) {
                return page("guard/2fa-code", login, Map.of(), HttpStatus.OK);
            }
            if (login.emailVerified()) {
                return redirect(BASE + "/enroll");
            }
            return page("guard/2fa-email", login, Map.of(), HttpStatus.OK);
        }));
    }

    Mono<ServerResponse> verify(ServerRequest request) {
        return withForm(request, (login, form) -> login.awaitsEmail() ? redirect(BASE) : limited(request, login, RouteClass.SECOND_FACTOR, decision ->
                factors.verify(login.username(), value(form, "code")).flatMap(result -> {
                    if (!result.accepted()) {
                        audit.record(AuditEventTypes.SECOND_FACTOR_REFUSED, request.exchange(), login.username(),
                                AuditDecision.DENIED, Map.of());
                        return limiter.recordOutcome(decision, AttemptOutcome.FAILURE).then(page("guard/2fa-code",
                                login, Map.of("error", "That code did not work. Try the current code from your app,"
                                        + " or a recovery code."), HttpStatus.OK));
                    }
                    String amr = result.method().orElseThrow().amr();
                    return limiter.recordOutcome(decision, AttemptOutcome.SUCCESS)
                            .then(release(request, login, Set.of(amr), null));
                })));
    }

    Mono<ServerResponse> sendEmailCode(ServerRequest request) {
        return withForm(request, (login, form) -> factors.hasFactor(login.username()).flatMap(has -> {
            if (has && !login.awaitsEmail()) {
                return redirect(BASE); // nothing to confirm: the factor is all this login needs
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
                return page(retry, login, Map.of("error", "Too many codes were sent. Try again in "
                        + minutes(refused.retryAfterSeconds()) + "."), HttpStatus.TOO_MANY_REQUESTS);
            }
            return delivery.send(login.username(), purpose(hasFactor)).flatMap(sent -> sent.isEmpty()
                    ? page("guard/2fa-no-email", login, Map.of(), HttpStatus.FORBIDDEN)
                    : page("guard/2fa-email-code", login, Map.of("address", sent.get().maskedAddress()),
                            HttpStatus.OK))
                    .onErrorResume(RuntimeException.class, e -> page(retry, login, Map.of("error",
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
                .render("guard/2fa-paused", Map.of("contact", operatorsContact)));
    }

    Mono<ServerResponse> verifyEmailCode(ServerRequest request) {
        return withForm(request, (login, form) -> factors.hasFactor(login.username()).flatMap(has ->
                verification.check(login.username(), purpose(has), value(form, "code")).flatMap(result -> {
                    if (result.isAccepted()) {
                        audit.record(AuditEventTypes.EMAIL_VERIFIED, request.exchange(), login.username(),
                                AuditDecision.NONE, Map.of());
                        return pending.save(login.withEmailVerified(), pendingTtl)
                                .then(redirect(has ? BASE : BASE + "/enroll"));
                    }
                    return page("guard/2fa-email-code", login, Map.of("error", result.triesLeft() > 0
                            ? "That code did not work (" + result.triesLeft() + " tries left)."
                            : "That code can no longer be used. Send a new one."), HttpStatus.OK);
                })));
    }

    private static CodePurpose purpose(boolean hasFactor) {
        return hasFactor ? CodePurpose.SIGN_IN : CodePurpose.ENROLL;
    }

    private static String emailPage(boolean hasFactor) {
        return hasFactor ? "guard/2fa-email-confirm" : "guard/2fa-email";
    }

    Mono<ServerResponse> showEnrollment(ServerRequest request) {
        return withPending(request, login -> {
            if (!login.emailVerified()) {
                return redirect(BASE); // the email comes first, whatever the browser asks for
            }
            return factors.hasFactor(login.username()).flatMap(has -> {
                if (has) {
                    return redirect(BASE);
                }
                var provisioning = factors.enrollTotp(login.username());
                return pending.save(login.withPendingTotpSecret(provisioning.secret().base32()), pendingTtl)
                        .then(page("guard/2fa-enroll", login, Map.of("qr", provisioning.qrCodeSvg(),
                                "secret", provisioning.secret().base32()), HttpStatus.OK));
            });
        });
    }

    Mono<ServerResponse> confirmEnrollment(ServerRequest request) {
        return withForm(request, (login, form) -> {
            if (!login.emailVerified() || login.pendingTotpSecret() == null) {
                audit.record(AuditEventTypes.FACTOR_ENROLLED, request.exchange(), login.username(),
                        AuditDecision.DENIED, Map.of(), "email not verified");
                return redirect(BASE);
            }
            return limited(request, login, RouteClass.SECOND_FACTOR, decision -> factors.confirmTotp(login.username(),
                    TotpSecret.fromBase32(login.pendingTotpSecret()), value(form, "code"))
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
        return page("guard/2fa-enroll", login, Map.of("secret", secret.base32(),
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
        }).switchIfEmpty(Mono.defer(() -> redirect("/account/login/")));
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
                        ? page("guard/2fa-code", login, Map.of("error", "Too many attempts. Try again in "
                                + minutes(refused.retryAfterSeconds()) + "."), HttpStatus.TOO_MANY_REQUESTS)
                        : then.apply(decision));
    }

    private Mono<ServerResponse> withPending(ServerRequest request,
            java.util.function.Function<PendingLogin, Mono<ServerResponse>> then) {
        HttpCookie cookie = request.cookies().getFirst(SessionWithholding.PENDING_COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return redirect("/account/login/");
        }
        return pending.find(cookie.getValue()).flatMap(login -> {
            if (frozen.isFrozen(login.username())) {
                audit.record(AuditEventTypes.LOGIN_REFUSED, request.exchange(), login.username(),
                        AuditDecision.DENIED, Map.of(), "account frozen");
                return pending.take(login.id()).then(frozenPage(request));
            }
            return then.apply(login);
        }).switchIfEmpty(Mono.defer(() -> page("guard/2fa-expired", null, Map.of(), HttpStatus.OK)));
    }

    private Mono<ServerResponse> withForm(ServerRequest request,
            java.util.function.BiFunction<PendingLogin, MultiValueMap<String, String>, Mono<ServerResponse>> then) {
        return request.formData().flatMap(form -> withPending(request, login -> {
            if (!MessageDigest.isEqual(csrf(login).getBytes(StandardCharsets.US_ASCII),
                    value(form, "csrf").getBytes(StandardCharsets.US_ASCII))) {
                return page("guard/2fa-expired", null, Map.of(), HttpStatus.FORBIDDEN);
            }
            return then.apply(login, form);
        }));
    }

    /** {@code GET /_guard/frozen}, and where a frozen account's login ends. */
    Mono<ServerResponse> frozenPage(ServerRequest request) {
        return ServerResponse.status(HttpStatus.FORBIDDEN).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .cookie(SessionWithholding.pendingCookie("", java.time.Duration.ZERO))
                .render("guard/frozen", Map.of("contact", operatorsContact));
    }

    private Mono<ServerResponse> page(String template, PendingLogin login, Map<String, Object> extra,
            HttpStatus status) {
        Map<String, Object> model = new java.util.HashMap<>(extra);
        if (login != null) {
            model.put("csrf", csrf(login));
            model.put("username", login.username());
        }
        return ServerResponse.status(status).header(HttpHeaders.CACHE_CONTROL, "no-store").render(template, model);
    }

    private static Mono<ServerResponse> redirect(String path) {
        return ServerResponse.seeOther(URI.create(path)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** Bound to the pending login, which only this browser's HttpOnly, SameSite=Strict cookie names. */
    static String csrf(PendingLogin login) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("csrf:" + login.id()).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String value(MultiValueMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v.strip();
    }

    private static String client(ServerRequest request) {
        return ClientAddress.of(request.exchange()).text();
    }

    private static String minutes(long seconds) {
        long m = Math.max(1, (seconds + 59) / 60);
        return m + (m == 1 ? " minute" : " minutes");
    }
}
