package io.registryguard.gateway.stepup;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.registryguard.audit.AuditDecision;
import io.registryguard.audit.AuditEventTypes;
import io.registryguard.audit.Auditor;
import io.registryguard.clientip.ClientAddress;
import io.registryguard.gateway.policy.ActivePolicy;
import io.registryguard.mfa.FactorMethod;
import io.registryguard.mfa.SecondFactorService;
import io.registryguard.policy.RouteClass;
import io.registryguard.ratelimit.AttemptOutcome;
import io.registryguard.ratelimit.RateLimitDecision;
import io.registryguard.ratelimit.RateLimitRequest;
import io.registryguard.ratelimit.RateLimiter;
import io.registryguard.sequence.SensitiveEvent;
import io.registryguard.sequence.SensitiveRequests;
import io.registryguard.sequence.SequenceDecision;
import io.registryguard.sequence.SequenceRulesFilter;
import io.registryguard.session.GuardSession;
import io.registryguard.session.GuardSessionCookies;
import io.registryguard.stepup.StashStore;
import io.registryguard.stepup.StashedRequest;
import io.registryguard.stepup.StepUpDecision;
import io.registryguard.stepup.StepUpGuard;
import io.registryguard.stepup.StepUpRequirements;
import io.registryguard.stepup.StepUpTokenExtractor;
import io.registryguard.web.Problem;
import io.registryguard.web.ProblemResponses;
import io.registryguard.web.RequestCookies;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code /_guard/step-up}: prove a second factor again for a sensitive action. Browsers get a page and, after a
 * correct code, the stashed action is replayed to the registry once; API clients POST JSON {@code {"code": ..}}
 * and get a step-up token to retry with ({@code X-Guard-Step-Up}).
 */
final class StepUpPages {


    private final StepUpGuard guard;
    private final StashStore stash;
    private final SecondFactorService factors;
    private final RateLimiter limiter;
    private final GuardSessionCookies sessions;
    private final String registryCookie;
    private final ActivePolicy policy;
    private final StashReplay replay;
    private final SequenceRulesFilter sequence;
    private final Clock clock;
    private final Auditor audit;

    StepUpPages(StepUpGuard guard, StashStore stash, SecondFactorService factors, RateLimiter limiter,
            GuardSessionCookies sessions, String registryCookie, ActivePolicy policy, StashReplay replay,
            SequenceRulesFilter sequence, Auditor audit, Clock clock) {
        this.audit = audit;
        this.sequence = sequence;
        this.guard = guard;
        this.stash = stash;
        this.factors = factors;
        this.limiter = limiter;
        this.sessions = sessions;
        this.registryCookie = registryCookie;
        this.policy = policy;
        this.replay = replay;
        this.clock = clock;
    }

    Mono<ServerResponse> show(ServerRequest request) {
        Optional<GuardSession> session = session(request);
        if (session.isEmpty()) {
            return redirect("/account/login/");
        }
        String r = request.queryParam("r").orElse("");
        return stash.find(r).filter(s -> owns(session.get(), s))
                .map(s -> s.method() + " " + s.pathAndQuery().split("\\?", 2)[0])
                .defaultIfEmpty("")
                .flatMap(action -> page(session.get(), r, action, null, HttpStatus.OK));
    }

    Mono<ServerResponse> prove(ServerRequest request) {
        Optional<GuardSession> session = session(request);
        boolean api = request.headers().contentType().map(MediaType.APPLICATION_JSON::isCompatibleWith).orElse(false);
        if (session.isEmpty()) {
            return api ? problem(request, HttpStatus.UNAUTHORIZED, "Log in first.") : redirect("/account/login/");
        }
        if (api) {
            return request.bodyToMono(CodeRequest.class).onErrorResume(e -> Mono.empty())
                    .defaultIfEmpty(new CodeRequest(null))
                    .flatMap(body -> verified(request, session.get(), body.code()).flatMap(amr -> amr.isEmpty()
                            ? problem(request, HttpStatus.FORBIDDEN, "That code did not work.")
                            : ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of(
                                    "token", token(session.get(), amr.get()), "token_type", "step-up",
                                    "header", StepUpTokenExtractor.HEADER))));
        }
        return request.formData().flatMap(form -> {
            String r = Optional.ofNullable(form.getFirst("r")).orElse("");
            if (!MessageDigest.isEqual(csrf(session.get(), r).getBytes(StandardCharsets.US_ASCII),
                    Optional.ofNullable(form.getFirst("csrf")).orElse("").getBytes(StandardCharsets.US_ASCII))) {
                return problem(request, HttpStatus.FORBIDDEN, "This form expired. Start the action again.");
            }
            return verified(request, session.get(), form.getFirst("code")).flatMap(amr -> {
                if (amr.isEmpty()) {
                    return page(session.get(), r, "", "That code did not work.", HttpStatus.OK);
                }
                String token = token(session.get(), amr.get());
                return stash.take(r).filter(s -> owns(session.get(), s))
                        .flatMap(stashed -> replayWith(request, session.get(), stashed, token))
                        .switchIfEmpty(Mono.defer(() -> ServerResponse.seeOther(URI.create("/"))
                                .cookie(tokenCookie(token)).build()));
            });
        });
    }

    /** The stashed action, once, now that a fresh factor was proven; its rule is checked again (and burned). */
    private Mono<ServerResponse> replayWith(ServerRequest request, GuardSession session, StashedRequest stashed,
            String token) {
        Optional<SensitiveEvent> event = SensitiveRequests.event(stashed.route(), stashed.method(),
                stashed.pathAndQuery().split("\\?", 2)[0], stashed.contentType(), stashed.body(), session.subject(),
                clock.instant());
        Mono<SequenceDecision> judged = event.map(sequence::judge).orElse(Mono.just(SequenceDecision.ALLOWED));
        return judged.flatMap(verdict -> {
            if (verdict instanceof SequenceDecision.Denied denied) {
                return sequence.deny(request.exchange(), event.get(), denied).then(Mono.<ServerResponse>empty());
            }
            var requirement = StepUpRequirements.of(policy.get().stepUp().forRoute(stashed.route()));
            if (verdict instanceof SequenceDecision.StepUpRequired) {
                requirement = StepUpRequirements.freshFor(requirement);
            }
            return replayChecked(request, session, stashed, token, requirement, event);
        });
    }

    private Mono<ServerResponse> replayChecked(ServerRequest request, GuardSession session, StashedRequest stashed,
            String token, io.registryguard.stepup.StepUpRequirement requirement, Optional<SensitiveEvent> event) {
        return guard.check(requirement, session.sid(), session.subject(), Optional.of(token)).flatMap(decision -> {
            if (!(decision instanceof StepUpDecision.Allowed)) {
                return problem(request, HttpStatus.FORBIDDEN, "The step-up did not satisfy this action.");
            }
            audit.record(AuditEventTypes.SENSITIVE_ALLOWED, request.exchange(), session.subject(),
                    AuditDecision.ALLOWED, Map.of("route", stashed.route(), "replayed",
                            stashed.method() + " " + stashed.pathAndQuery().split("\\?", 2)[0]));
            return replay.replay(stashed, request.exchange()).flatMap(answer -> {
                Mono<Void> remembered = event.isPresent() && answer.getStatusCode().value() < 400
                        ? sequence.remember(event.get()) : Mono.empty();
                ServerResponse.BodyBuilder builder = ServerResponse.status(answer.getStatusCode())
                        .headers(h -> h.addAll(answer.getHeaders()));
                if (!requirement.singleUse()) {
                    builder.cookie(tokenCookie(token));
                }
                byte[] body = answer.getBody();
                return remembered.then(body == null ? builder.build() : builder.bodyValue(body));
            });
        });
    }

    /** The factor, checked under the second-factor limits; the method's amr when right. */
    private Mono<Optional<String>> verified(ServerRequest request, GuardSession session, String code) {
        var limit = RateLimitRequest.of(RouteClass.SECOND_FACTOR, ClientAddress.of(request.exchange()).address(),
                session.subject());
        return limiter.check(limit).flatMap(decision -> {
            if (decision instanceof RateLimitDecision.Refused) {
                return Mono.just(Optional.<String>empty());
            }
            return factors.verify(session.subject(), code == null ? "" : code.strip()).flatMap(result -> {
                audit.record(result.accepted() ? AuditEventTypes.STEPUP_GRANTED : AuditEventTypes.STEPUP_REFUSED,
                        request.exchange(), session.subject(),
                        result.accepted() ? AuditDecision.ALLOWED : AuditDecision.DENIED, Map.of());
                return limiter.recordOutcome(decision, result.accepted() ? AttemptOutcome.SUCCESS : AttemptOutcome.FAILURE)
                        // a recovery code is a one-time password: RFC 8176 has no value of its own for it
                        .thenReturn(result.method().map(m -> m == FactorMethod.RECOVERY_CODE ? "otp" : m.amr()));
            });
        });
    }

    private String token(GuardSession session, String amr) {
        return guard.issue(session.subject(), session.sid(), clock.instant(), Set.of(amr));
    }

    private static ResponseCookie tokenCookie(String token) {
        return ResponseCookie.from(StepUpTokenExtractor.COOKIE, token).path("/").secure(true).httpOnly(true)
                .sameSite("Strict").maxAge(java.time.Duration.ofMinutes(5)).build();
    }

    private Optional<GuardSession> session(ServerRequest request) {
        // read as the registry will read the replayed request; two session cookies are no session
        var cookies = RequestCookies.of(request.exchange().getRequest());
        Optional<String> guardCookie = cookies.single(GuardSessionCookies.COOKIE);
        Optional<String> registry = cookies.single(registryCookie);
        if (guardCookie.isEmpty() || registry.isEmpty()) {
            return Optional.empty();
        }
        return sessions.verify(guardCookie.get(), registry.get());
    }

    private static boolean owns(GuardSession session, StashedRequest stashed) {
        return stashed.subject().equals(session.subject()) && stashed.sessionId().equals(session.sid());
    }

    private Mono<ServerResponse> page(GuardSession session, String r, String action, String error, HttpStatus status) {
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("username", session.subject());
        model.put("r", r);
        model.put("csrf", csrf(session, r));
        model.put("action", action);
        if (error != null) {
            model.put("error", error);
        }
        return ServerResponse.status(status).header(HttpHeaders.CACHE_CONTROL, "no-store").render("guard/step-up", model);
    }

    /** Bound to the guard session and the stashed action. */
    private static String csrf(GuardSession session, String r) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("stepup:" + session.sid() + ":" + r).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mono<ServerResponse> redirect(String path) {
        return ServerResponse.seeOther(URI.create(path)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static Mono<ServerResponse> problem(ServerRequest request, HttpStatus status, String detail) {
        return ProblemResponses.write(request.exchange(), Problem.of(status, status.getReasonPhrase(), detail))
                .then(Mono.empty());
    }

    record CodeRequest(String code) {
    }
}
