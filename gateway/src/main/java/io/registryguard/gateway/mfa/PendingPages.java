package io.registryguard.gateway.mfa;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import io.registryguard.audit.AuditDecision;
import io.registryguard.audit.AuditEventTypes;
import io.registryguard.audit.Auditor;
import io.registryguard.gateway.web.GuardForm;
import io.registryguard.gateway.web.GuardForms;
import io.registryguard.session.FrozenAccounts;
import io.registryguard.session.PendingLogin;
import io.registryguard.session.PendingLoginStore;
import io.registryguard.session.SessionWithholding;
import io.registryguard.web.RequestCookies;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * What every {@code /_guard/2fa} page shares: finding the pending login its cookie names (ending a frozen account's
 * login there), the CSRF check of its forms, and rendering.
 */
final class PendingPages {

    private final PendingLoginStore pending;
    private final FrozenAccounts frozen;
    private final String operatorsContact;
    private final Auditor audit;

    PendingPages(PendingLoginStore pending, FrozenAccounts frozen, String operatorsContact, Auditor audit) {
        this.pending = pending;
        this.frozen = frozen;
        this.operatorsContact = operatorsContact;
        this.audit = audit;
    }

    String operatorsContact() {
        return operatorsContact;
    }

    Mono<ServerResponse> withPending(ServerRequest request,
            java.util.function.Function<PendingLogin, Mono<ServerResponse>> then) {
        String cookie = RequestCookies.of(request.exchange().getRequest()).single(SessionWithholding.PENDING_COOKIE)
                .orElse("");
        if (cookie.isEmpty()) {
            return redirect("/account/login/");
        }
        return pending.find(cookie).flatMap(login -> {
            if (frozen.isFrozen(login.username())) {
                audit.record(AuditEventTypes.LOGIN_REFUSED, request.exchange(), login.username(),
                        AuditDecision.DENIED, Map.of(), "account frozen");
                return pending.take(login.id()).then(frozenPage(request));
            }
            return then.apply(login);
        }).switchIfEmpty(Mono.defer(() -> page("guard/2fa-expired", null, Map.of(), HttpStatus.OK)));
    }

    /** The form, read strictly before anything else ({@link GuardForms}: 400 when it cannot be), then the login. */
    Mono<ServerResponse> withForm(ServerRequest request,
            java.util.function.BiFunction<PendingLogin, GuardForm, Mono<ServerResponse>> then) {
        return GuardForms.withForm(request, form -> withPending(request, login -> {
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

    Mono<ServerResponse> page(String template, PendingLogin login, Map<String, Object> extra,
            HttpStatus status) {
        Map<String, Object> model = new java.util.HashMap<>(extra);
        if (login != null) {
            model.put("csrf", csrf(login));
            model.put("username", login.username());
        }
        return ServerResponse.status(status).header(HttpHeaders.CACHE_CONTROL, "no-store").render(template, model);
    }

    static Mono<ServerResponse> redirect(String path) {
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

    static String value(GuardForm form, String name) {
        return form.value(name);
    }

    static String minutes(long seconds) {
        long m = Math.max(1, (seconds + 59) / 60);
        return m + (m == 1 ? " minute" : " minutes");
    }
}
