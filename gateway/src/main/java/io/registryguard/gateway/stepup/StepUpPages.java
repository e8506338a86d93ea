package io.registryguard.gateway.stepup;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.registryguard.audit.AuditDecision;
import io.registryguard.audit.AuditEventTypes;
import io.registryguard.audit.Auditor;
import io.registryguard.gateway.policy.ActivePolicy;
import io.registryguard.gateway.web.GuardForm;
import io.registryguard.gateway.web.GuardForms;
import io.registryguard.mfa.SecondFactorService;
import io.registryguard.ratelimit.RateLimiter;
import io.registryguard.sequence.SensitiveEvent;
import io.registryguard.read.ReadRequest;
import io.registryguard.sequence.SensitiveRequests;
import io.registryguard.sequence.SequenceDecision;
import io.registryguard.sequence.SequenceRulesFilter;
import io.registryguard.session.GuardSession;
import io.registryguard.session.GuardSessionCookies;
import io.registryguard.stepup.StashStore;
import io.registryguard.stepup.StashedRequest;
import io.registryguard.stepup.StepUpDecision;
import io.registryguard.stepup.StepUpFilter;
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
 * correct code, the stashed action is replayed to the registry once; API clients POST JSON
 * {@code {"code": .., "route": ..}} (or the same as a form) and get a step-up token for that route to retry with
 * ({@code X-Guard-Step-Up}). Forms are read by {@link GuardForms}.
 */
final class StepUpPages {

    /** The field naming the policy rule a token is minted for; the 401 challenge's problem body names it too. */
    static final String ROUTE = StepUpFilter.ROUTE_MEMBER;

    private final StepUpGuard guard;
    private final StashStore stash;
    private final FactorProof proof;
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
        this.proof = new FactorProof(guard, factors, limiter, audit, clock);
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
                .map(StepUpPages::action)
                .defaultIfEmpty("")
                .flatMap(action -> page(session.get(), r, action, null, HttpStatus.OK));
    }

    /**
     * A code for a step-up. API clients (JSON, or a form without {@code Accept: text/html}) name the route the token
     * is for ({@code route}, a sensitive or mfa-enrollment rule of the policy: the 401 challenge says which) and get
     * the token back; browsers post the page's form and their stashed action is replayed.
     */
    Mono<ServerResponse> prove(ServerRequest request) {
        return GuardForms.withForm(request, form -> {
            Optional<GuardSession> session = session(request);
            boolean api = form.json() || !ProblemResponses.wantsHtml(request.exchange().getRequest());
            if (session.isEmpty()) {
                return api ? problem(request, HttpStatus.UNAUTHORIZED, "Log in first.") : redirect("/account/login/");
            }
            return api ? proveForApi(request, session.get(), form) : proveForBrowser(request, session.get(), form);
        });
    }

    private Mono<ServerResponse> proveForApi(ServerRequest request, GuardSession session, GuardForm form) {
        String route = form.value(ROUTE);
        List<String> routes = StepUpRoutes.names(policy.get());
        if (!routes.contains(route)) {
            return ProblemResponses.write(request.exchange(), Problem.of(HttpStatus.BAD_REQUEST, "Bad Request",
                    (route.isEmpty() ? "Say which action the token is for" : "No step-up route has that name")
                            + ": " + ROUTE + "=<name>, the route named by the 401 that asked for the step-up, one of: "
                            + String.join(", ", routes) + "."), Map.of("routes", routes))
                    .then(Mono.empty());
        }
        return proof.verified(request.exchange(), session, form.value("code")).flatMap(amr -> amr.isEmpty()
                ? problem(request, HttpStatus.FORBIDDEN, "That code did not work.")
                : ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .bodyValue(Map.of("token", proof.mint(session, route, amr.get()), "token_type", "step-up",
                                "header", StepUpTokenExtractor.HEADER, ROUTE, route)));
    }

    /** The stash names the route, so the token is minted for the action waiting in it and for nothing else. */
    private Mono<ServerResponse> proveForBrowser(ServerRequest request, GuardSession session, GuardForm form) {
        String r = form.value("r");
        if (!MessageDigest.isEqual(csrf(session, r).getBytes(StandardCharsets.US_ASCII),
                form.value("csrf").getBytes(StandardCharsets.US_ASCII))) {
            return problem(request, HttpStatus.FORBIDDEN, "This form expired. Start the action again.");
        }
        return owned(stash.find(r), session).flatMap(waiting -> waiting.isEmpty() ? expired(session, r)
                : proof.verified(request.exchange(), session, form.value("code")).flatMap(amr -> {
                    if (amr.isEmpty()) {
                        return page(session, r, action(waiting.get()), "That code did not work.", HttpStatus.OK);
                    }
                    String token = proof.mint(session, waiting.get().route(), amr.get());
                    return owned(stash.take(r), session).flatMap(taken -> taken.isEmpty() ? expired(session, r)
                            : replayWith(request, session, taken.get(), token));
                }));
    }

    private static Mono<Optional<StashedRequest>> owned(Mono<StashedRequest> stashed, GuardSession session) {
        return stashed.filter(s -> owns(session, s)).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /** Nothing waits under {@code r} (expired, already done, or never this session's): no token, no code spent. */
    private Mono<ServerResponse> expired(GuardSession session, String r) {
        return page(session, r, "", "This action is no longer waiting: it expired or was already done. Go back and"
                + " start it again.", HttpStatus.OK);
    }

    private static String action(StashedRequest stashed) {
        return stashed.method() + " " + stashed.pathAndQuery().split("\\?", 2)[0];
    }

    /** The stashed action, once, now that a fresh factor was proven; its rule is checked again (and burned). */
    private Mono<ServerResponse> replayWith(ServerRequest request, GuardSession session, StashedRequest stashed,
            String token) {
        Optional<SensitiveEvent> event = SensitiveRequests.event(stashed.route(), stashed.method(),
                stashed.pathAndQuery().split("\\?", 2)[0], ReadRequest.ofCanonicalBody(stashed.body()),
                session.subject(), clock.instant());
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
        Mono<StepUpDecision> decided = guard.check(requirement, stashed.route(), session.sid(), session.subject(),
                Optional.of(token));
        return decided.flatMap(decision -> {
            if (!(decision instanceof StepUpDecision.Allowed)) {
                return problem(request, HttpStatus.FORBIDDEN, "The step-up did not satisfy this action.");
            }
            audit.record(AuditEventTypes.SENSITIVE_ALLOWED, request.exchange(), session.subject(),
                    AuditDecision.ALLOWED, Map.of("route", stashed.route(), "replayed", action(stashed)));
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

}
