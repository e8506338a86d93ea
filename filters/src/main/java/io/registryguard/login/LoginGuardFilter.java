package io.registryguard.login;

import io.registryguard.GuardFilterOrder;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import io.registryguard.audit.AuditDecision;
import io.registryguard.audit.AuditEventTypes;
import io.registryguard.audit.Auditor;
import io.registryguard.classify.RouteClassification;
import io.registryguard.clientip.ClientAddress;
import io.registryguard.policy.IdentityProbeRule;
import io.registryguard.policy.LoginRule;
import io.registryguard.policy.OutcomeRule;
import io.registryguard.policy.Policy;
import io.registryguard.policy.RouteClass;
import io.registryguard.policy.RouteRule;
import io.registryguard.read.ReadRequest;
import io.registryguard.risk.LoginAttempt;
import io.registryguard.risk.LoginRisk;
import io.registryguard.risk.RiskAssessment;
import io.registryguard.session.SessionWithholding;
import io.registryguard.ratelimit.AttemptOutcome;
import io.registryguard.ratelimit.RateLimitDecision;
import io.registryguard.ratelimit.RateLimitRequest;
import io.registryguard.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import io.registryguard.web.Problem;
import io.registryguard.web.ProblemResponses;
import io.registryguard.web.RequestCookies;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The login pipeline for {@code login}, {@code api-auth} and {@code second-factor} requests: read who the attempt
 * claims to be, ask the rate limiter, score the attempt ({@link LoginRisk}: block with 403, delay, or let through),
 * forward, judge the registry's answer by the policy's outcome rule, and charge failures. After a successful
 * password login the browser gets a device cookie, and the registry's session is withheld until a second factor
 * ({@link SessionWithholding}), with an emailed code too when the score asks for it. Every other class passes
 * untouched (and is never read here).
 */
public final class LoginGuardFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(LoginGuardFilter.class);

    private final Supplier<Policy> policy;
    private final RateLimiter limiter;
    private final DeviceCookies devices;
    private final SessionWithholding withholding;
    private final LoginMetrics metrics;
    private final Auditor audit;
    private final LoginRisk risk;
    private final NovelLogins novelLogins;
    private final IdentityConfirmation identity;
    private final Clock clock;

    /** @param identity asks the registry whose session an accepted login made, where the policy says how */
    public LoginGuardFilter(Supplier<Policy> policy, RateLimiter limiter, DeviceCookies devices,
            SessionWithholding withholding, LoginMetrics metrics, Auditor audit, LoginRisk risk,
            NovelLogins novelLogins, IdentityConfirmation identity, Clock clock) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.withholding = Objects.requireNonNull(withholding, "withholding");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.risk = Objects.requireNonNull(risk, "risk");
        this.novelLogins = Objects.requireNonNull(novelLogins, "novelLogins");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Without risk scoring, and without a registry to probe (a login route with a probe is refused). */
    public LoginGuardFilter(Supplier<Policy> policy, RateLimiter limiter, DeviceCookies devices,
            SessionWithholding withholding, LoginMetrics metrics, Auditor audit) {
        this(policy, limiter, devices, withholding, metrics, audit, LoginRisk.disabled(), NovelLogins.NONE,
                new IdentityConfirmation(IdentityProbe.UNAVAILABLE, audit), Clock.systemUTC());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        RouteClassification classification = exchange.getAttribute(RouteClassification.ATTRIBUTE);
        if (classification == null) {
            return chain.filter(exchange);
        }
        RouteClass routeClass = classification.routeClass();
        Policy current = policy.get();
        Optional<RouteRule> route = Optional.ofNullable(classification.ruleName()).flatMap(current::route);
        return switch (routeClass) {
            case LOGIN, API_AUTH -> route.map(current::loginRule)
                    .map(rule -> credentialThen(withoutRiskHeader(exchange), chain, current, routeClass, rule))
                    .orElseGet(() -> chain.filter(exchange)); // rule gone in a reload since classification
            // The registry's own 2FA page: its account is in its session, not the request; limits per address.
            case SECOND_FACTOR -> attempt(exchange, chain, current, routeClass, OutcomeRule.LOGIN_DEFAULT,
                    AttemptCredential.NONE);
            default -> chain.filter(exchange);
        };
    }

    private Mono<Void> credentialThen(ServerWebExchange exchange, GatewayFilterChain chain, Policy current,
            RouteClass routeClass, LoginRule rule) {
        boolean hash = risk.wantsPasswordHash();
        if (rule.credential() == LoginRule.Credential.BASIC) {
            // Uploads carry their credential in a header; their (large) body is never read.
            Optional<BasicCredentials> basic;
            try {
                basic = BasicCredentials.read(exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.AUTHORIZATION));
            } catch (BasicCredentials.MalformedCredentialsException e) {
                return malformedBasic(exchange, routeClass, e);
            }
            AttemptCredential credential = basic.map(b -> AttemptCredential.fromBasic(b, hash))
                    .orElse(exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                            ? AttemptCredential.TOKEN : AttemptCredential.NONE);
            if (rule.refusePasswords() && credential.username() != null) {
                metrics.refused(routeClass, "refuse-passwords");
                return ProblemResponses.write(exchange, Problem.of(HttpStatus.FORBIDDEN, "Forbidden",
                        "Username/password authentication is not accepted for uploads. Use an API token: username"
                                + " __token__ and the token as the password."));
            }
            ServerWebExchange canonical = basic.map(b -> exchange.mutate()
                    .request(r -> r.headers(h -> h.set(HttpHeaders.AUTHORIZATION, b.header()))).build())
                    .orElse(exchange);
            return attempt(canonical, chain, current, routeClass, rule.outcome(), credential);
        }
        String passwordField = hash ? risk.policy().passwordField() : null;
        return attempt(exchange, chain, current, routeClass, rule.outcome(),
                AttemptCredential.fromForm(rule, ReadRequest.of(exchange), passwordField));
    }

    /** A Basic header the guard cannot read with certainty names nobody it could limit: 401, never forwarded. */
    private Mono<Void> malformedBasic(ServerWebExchange exchange, RouteClass routeClass,
            BasicCredentials.MalformedCredentialsException e) {
        metrics.refused(routeClass, "malformed-credentials");
        log.info("refused {} {} with 401: Basic credentials not read ({})", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), e.getMessage());
        audit.record(AuditEventTypes.LOGIN_REFUSED, exchange, null, AuditDecision.DENIED,
                Map.of("credential", "basic"), "malformed credentials: " + e.getMessage());
        return ProblemResponses.write(exchange, Problem.of(HttpStatus.UNAUTHORIZED, "Unauthorized",
                "The Authorization header could not be read: " + e.getMessage()
                        + ". Send 'Basic ' and the base64 of username:password, or an API token.")
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"registry-guard\", charset=\"UTF-8\""));
    }

    private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, Policy current,
            RouteClass routeClass, OutcomeRule outcomeRule, AttemptCredential typed) {
        ClientAddress client = ClientAddress.of(exchange);
        // One key per account whatever the spelling (issue 11: alİce, ALICE and ａｌｉｃｅ each had their own budget).
        Optional<String> canonical = typed.optionalUsername().flatMap(current.accounts()::canonical);
        if (typed.username() != null && canonical.isEmpty()) {
            metrics.refused(routeClass, "unreadable-username");
            audit.record(AuditEventTypes.LOGIN_REFUSED, exchange, null, AuditDecision.DENIED, Map.of(),
                    "unreadable username");
            return ProblemResponses.write(exchange, Problem.of(HttpStatus.BAD_REQUEST, "Bad Request",
                    "The username contains characters that are not allowed."));
        }
        AttemptCredential credential = canonical.map(u -> new AttemptCredential(u, typed.token(), typed.passwordSha1()))
                .orElse(typed);
        String username = credential.username();
        String device = routeClass == RouteClass.LOGIN && username != null ? verifiedDevice(exchange, username) : null;
        RateLimitRequest request = RateLimitRequest.of(routeClass, client.address(), username).withDevice(device);
        return limiter.check(request).flatMap(decision -> {
            if (decision instanceof RateLimitDecision.Refused refused) {
                metrics.refused(routeClass, refused.limit());
                audit.record(AuditEventTypes.LOGIN_REFUSED, exchange, username, AuditDecision.DENIED,
                        Map.of("limit", refused.limit()), "rate limit");
                return RefusalResponses.write(exchange, refused);
            }
            LoginAttempt facts = AttemptFacts.of(exchange, routeClass, credential, current.subnets(), clock.instant());
            Mono<RiskAssessment> scored = facts == null ? Mono.just(RiskAssessment.NONE) : risk.assess(facts);
            return scored.flatMap(assessment -> switch (assessment.action()) {
                case BLOCK -> blocked(exchange, routeClass, username, decision, facts, assessment);
                case THROTTLE -> Mono.delay(risk.policy().thresholds().throttleDelay())
                        .then(forward(exchange, chain, routeClass, outcomeRule, username, decision, facts, assessment));
                default -> forward(exchange, chain, routeClass, outcomeRule, username, decision, facts, assessment);
            });
        });
    }

    /** 403 without contacting the registry; the reasons go to the audit trail, never to the client. */
    private Mono<Void> blocked(ServerWebExchange exchange, RouteClass routeClass, String username,
            RateLimitDecision decision, LoginAttempt facts, RiskAssessment assessment) {
        metrics.refused(routeClass, "risk");
        audit.record(AuditEventTypes.LOGIN_REFUSED, exchange, username, AuditDecision.DENIED,
                RiskDetails.of(assessment, Map.of()), "risk");
        return limiter.recordOutcome(decision, AttemptOutcome.FAILURE)
                .then(risk.outcome(facts, true))
                .then(RefusalResponses.blocked(exchange));
    }

    private Mono<Void> forward(ServerWebExchange exchange, GatewayFilterChain chain, RouteClass routeClass,
            OutcomeRule outcomeRule, String username, RateLimitDecision decision, LoginAttempt facts,
            RiskAssessment assessment) {
        // A login the registry accepted always goes through withholding, even one whose username the guard did not
        // read: a lenient registry may have found one where the guard found none (then only the probe can tell whose).
        boolean passwordLogin = routeClass == RouteClass.LOGIN;
        AnswerJudge judge = new AnswerJudge(outcomeRule, outcome -> {
            metrics.judged(routeClass, outcome);
            boolean success = outcome == OutcomeRule.Outcome.SUCCESS;
            if (routeClass != RouteClass.SECOND_FACTOR) {
                HttpStatusCode status = exchange.getResponse().getStatusCode();
                audit.record(success ? AuditEventTypes.LOGIN_SUCCESS : AuditEventTypes.LOGIN_FAILURE, exchange,
                        username, success ? AuditDecision.ALLOWED : AuditDecision.DENIED, RiskDetails.of(assessment,
                                Map.of("status", String.valueOf(status == null ? 0 : status.value()))));
            }
            Mono<Void> counted = Mono.when(
                    limiter.recordOutcome(decision, success ? AttemptOutcome.SUCCESS : AttemptOutcome.FAILURE),
                    facts == null ? Mono.empty() : risk.outcome(facts, !success));
            if (!success || !passwordLogin) {
                return counted;
            }
            // OWASP device cookies are earned by the password; the session still waits for the factor.
            if (username != null) {
                exchange.getResponse().addCookie(devices.issue(username));
            }
            // The breached-password lookup runs beside the counting; a failed attempt never waits for it.
            Mono<RiskAssessment> breached = facts == null ? Mono.just(assessment) : risk.afterAcceptance(facts, assessment);
            return Mono.zip(breached, counted.thenReturn(true))
                    .flatMap(done -> accepted(exchange, username, facts, done.getT1()));
        });
        return chain.filter(judge.observe(withRiskHeader(exchange, facts, assessment)));
    }

    /**
     * The registry accepted the password: the session is withheld under the account the registry authenticated
     * (asked with the route's identity probe), or nothing is released when that is not the typed one.
     */
    private Mono<Void> accepted(ServerWebExchange exchange, @Nullable String username, @Nullable LoginAttempt facts,
            RiskAssessment assessment) {
        Policy current = policy.get();
        RouteClassification classification = exchange.getAttribute(RouteClassification.ATTRIBUTE);
        IdentityProbeRule probe = Optional.ofNullable(classification).map(RouteClassification::ruleName)
                .flatMap(current::route).map(current::loginRule).map(LoginRule::identityProbe).orElse(null);
        return identity.confirm(exchange, probe, current.accounts(), username).flatMap(confirmed -> {
            if (confirmed.isEmpty()) {
                return Mono.empty(); // the answer is a refusal now
            }
            String account = confirmed.get();
            Mono<Void> novel = facts != null && NovelLogins.isNovel(assessment)
                    ? novelLogins.record(account, facts.time(), assessment.reasonIds()) : Mono.empty();
            return novel.then(withholding.withhold(exchange, account, assessment.requiresEmail(),
                    assessment.reasonIds()));
        });
    }

    /** A client's own copy of the risk header never reaches the registry. */
    private ServerWebExchange withoutRiskHeader(ServerWebExchange exchange) {
        String header = risk.policy().registryHeader();
        if (header.isEmpty() || !exchange.getRequest().getHeaders().containsHeader(header)) {
            return exchange;
        }
        return exchange.mutate().request(r -> r.headers(h -> h.remove(header))).build();
    }

    private ServerWebExchange withRiskHeader(ServerWebExchange exchange, LoginAttempt facts,
            RiskAssessment assessment) {
        String header = risk.policy().registryHeader();
        if (header.isEmpty() || facts == null) {
            return exchange;
        }
        String value = "score=" + assessment.score() + "; reasons=" + String.join(",", assessment.reasonIds());
        return exchange.mutate().request(r -> r.headers(h -> h.set(header, value))).build();
    }

    private String verifiedDevice(ServerWebExchange exchange, String username) {
        return RequestCookies.of(exchange.getRequest()).single(DeviceCookies.COOKIE)
                .flatMap(cookie -> devices.verify(cookie, username)).orElse(null);
    }

    @Override
    public int getOrder() {
        return GuardFilterOrder.LOGIN_GUARD.order();
    }
}
