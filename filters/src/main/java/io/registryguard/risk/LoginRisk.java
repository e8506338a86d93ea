package io.registryguard.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import io.registryguard.policy.risk.RiskPolicy;
import io.registryguard.policy.risk.RiskPolicy.BreachedPassword;
import io.registryguard.policy.risk.RiskPolicy.EnrollmentBurst;
import io.registryguard.policy.risk.RiskThresholds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The policy's {@code risk} section, applied to logins: score an attempt before the registry sees it, count how it
 * ended, check a password the registry accepted against breaches, and watch for bursts of first-factor
 * enrollments. A policy reload swaps everything at once; stores and the under-attack baseline whose settings did not
 * change are kept, so a reload forgets nothing.
 */
public final class LoginRisk {

    private static final Logger log = LoggerFactory.getLogger(LoginRisk.class);
    private static final String ENROLLMENT_SOURCE = "enrollment:all";

    private final RiskStores stores;
    private final Function<BreachedPassword, BreachedPasswords> breachedSources;
    private final RiskMetrics metrics;
    private volatile Compiled compiled;

    /**
     * @param breachedSources opens the breached-password source a policy names (HIBP client, Bloom filter file);
     *                        called again only when those settings change
     */
    public LoginRisk(RiskPolicy policy, RiskStores stores, Function<BreachedPassword, BreachedPasswords> breachedSources,
            RiskMetrics metrics) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.breachedSources = Objects.requireNonNull(breachedSources, "breachedSources");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.compiled = compile(Objects.requireNonNull(policy, "policy"), Map.of());
    }

    /** Scores nothing: for a guard without risk scoring (tests of the other steps). */
    public static LoginRisk disabled() {
        return new LoginRisk(RiskPolicy.DEFAULTS.withEnabled(false), RiskStores.inMemory(), settings -> null,
                RiskMetrics.NOOP);
    }

    /** Applies a reloaded policy's section. */
    public synchronized void apply(RiskPolicy policy) {
        if (!policy.equals(compiled.policy)) {
            compiled = compile(policy, compiled.parts);
        }
    }

    public RiskPolicy policy() {
        return compiled.policy;
    }

    /** Whether the password must be hashed for this attempt: only when a breached-password source is on. */
    public boolean wantsPasswordHash() {
        Compiled current = compiled;
        return current.policy.enabled() && current.breached != null;
    }

    /** The score and action before the registry sees the attempt; never an error. */
    public Mono<RiskAssessment> assess(LoginAttempt attempt) {
        Compiled current = compiled;
        return current.policy.enabled() ? current.engine.assess(attempt) : Mono.just(RiskAssessment.NONE);
    }

    /** Counts how the attempt ended (a blocked one counts as failed); never an error. */
    public Mono<Void> outcome(LoginAttempt attempt, boolean failed) {
        Compiled current = compiled;
        return current.policy.enabled() ? current.outcomes.outcome(attempt, failed) : Mono.empty();
    }

    /**
     * After the registry accepted the password: a breached one adds its weight (2024's passwords did not match,
     * but the lists attackers buy do). A lookup that fails follows the signal's {@code on-error}; never an error.
     */
    public Mono<RiskAssessment> afterAcceptance(LoginAttempt attempt, RiskAssessment before) {
        Compiled current = compiled;
        if (!current.policy.enabled() || current.breached == null || attempt.passwordSha1() == null) {
            return Mono.just(before);
        }
        BreachedPassword settings = current.policy.breachedPassword();
        RiskThresholds thresholds = current.policy.thresholds();
        return current.breached.isBreached(attempt.passwordSha1())
                .map(breached -> {
                    if (!breached) {
                        return before;
                    }
                    RiskAssessment after = before.with(WeightedReason.of(RiskReason.BREACHED_PASSWORD,
                            settings.weight()), thresholds);
                    metrics.breachedAfterAcceptance(after.action());
                    return after;
                })
                .onErrorResume(error -> {
                    metrics.signalFailed("breached-password", settings.onError().treatAsRisky());
                    log.warn("breached-password lookup failed ({}); {}", error.toString(),
                            settings.onError().treatAsRisky() ? "counted as risky" : "ignored");
                    return Mono.just(settings.onError().treatAsRisky() ? before.with(WeightedReason.of(
                            RiskReason.SIGNAL_UNAVAILABLE, settings.onError().weight()), thresholds) : before);
                })
                .defaultIfEmpty(before);
    }

    /**
     * An account without a factor starts its first enrollment. True when it must be refused: enrollments across
     * accounts form a burst, the policy says {@code refuse-risky}, and the login carried a risk reason. Counting
     * failures let it through (the emailed code still stands between an attacker and the account).
     */
    public Mono<Boolean> refuseEnrollment(String username, Instant time, boolean loginWasRisky) {
        Compiled current = compiled;
        EnrollmentBurst settings = current.policy.enrollmentBurst();
        if (!current.policy.enabled() || !settings.enabled()) {
            return Mono.just(false);
        }
        return current.enrollments.addAndCount(ENROLLMENT_SOURCE, username, time)
                .map(accounts -> {
                    if (accounts < settings.accounts()) {
                        return false;
                    }
                    boolean refuse = loginWasRisky && settings.action() == EnrollmentBurst.Action.REFUSE_RISKY;
                    metrics.enrollmentDuringBurst(refuse);
                    return refuse;
                })
                .onErrorResume(error -> {
                    log.warn("counting first-factor enrollments failed ({}); the enrollment goes on", error.toString());
                    return Mono.just(false);
                })
                .defaultIfEmpty(false);
    }

    private Compiled compile(RiskPolicy policy, Map<Part, Object> previous) {
        Parts parts = new Parts(previous);
        List<NamedSignal> signals = new ArrayList<>();
        List<LoginOutcomeListener> listeners = new ArrayList<>();
        if (policy.usernameTraversal().enabled()) {
            var settings = policy.usernameTraversal().settings();
            DistinctUsernames store = parts.get("traversal", settings.buckets(),
                    () -> stores.distinctUsernames(settings.buckets()));
            signals.add(new NamedSignal("username-traversal", new UsernameTraversalSignal(store, settings),
                    policy.usernameTraversal().onError()));
        }
        if (policy.failureRatio().enabled()) {
            var settings = policy.failureRatio().settings();
            AttemptCounts store = parts.get("outcomes", settings.buckets(), () -> stores.attemptCounts(settings.buckets()));
            FailureRatioSignal signal = new FailureRatioSignal(store, settings);
            signals.add(new NamedSignal("failure-ratio", signal, policy.failureRatio().onError()));
            listeners.add(signal);
        }
        if (policy.underAttack().enabled()) {
            var settings = policy.underAttack().settings();
            UnderAttackDetector detector = parts.get("under-attack", settings,
                    () -> new UnderAttackDetector(settings, metrics));
            UnderAttackSignal signal = new UnderAttackSignal(detector, settings.weight());
            signals.add(NamedSignal.ignoringErrors("under-attack", signal));
            listeners.add(signal);
        }
        if (policy.browserHeaders().enabled()) {
            signals.add(NamedSignal.ignoringErrors("browser-headers",
                    new BrowserHeadersSignal(policy.browserHeaders().settings())));
        }
        if (policy.scriptedClient().enabled()) {
            var settings = policy.scriptedClient().settings();
            signals.add(NamedSignal.ignoringErrors("scripted-client",
                    new ScriptedClientSignal(settings.agents(), settings.weight())));
        }
        if (policy.novelty().enabled()) {
            var settings = policy.novelty().settings();
            NoveltySignal signal = new NoveltySignal(parts.get("history", settings,
                    () -> stores.accountHistory(settings)), settings);
            signals.add(new NamedSignal("novelty", signal, policy.novelty().onError()));
            listeners.add(signal);
        }
        BreachedPassword breachedSettings = policy.breachedPassword();
        BreachedPasswords breached = breachedSettings.source() == BreachedPassword.Source.OFF ? null
                : parts.get("breached", breachedSettings, () -> breachedSources.apply(breachedSettings));
        var burstBuckets = policy.enrollmentBurst().buckets();
        DistinctUsernames enrollments = parts.get("enrollments", burstBuckets,
                () -> stores.distinctUsernames(burstBuckets));
        RiskEngine engine = new RiskEngine(signals, policy.thresholds(), policy.signalTimeout(), metrics);
        return new Compiled(policy, engine, new LoginOutcomes(listeners), breached, enrollments, parts.kept());
    }

    /** A store or detector, known by what it is for and the settings it was made with. */
    private record Part(String kind, Object settings) {
    }

    /** The parts of one compiled policy: the previous policy's when their settings are unchanged, else new. */
    private static final class Parts {
        private final Map<Part, Object> previous;
        private final Map<Part, Object> kept = new HashMap<>();

        Parts(Map<Part, Object> previous) {
            this.previous = previous;
        }

        @SuppressWarnings("unchecked") // a Part's kind always maps to the one type its supplier makes
        <T> T get(String kind, Object settings, Supplier<T> create) {
            return (T) kept.computeIfAbsent(new Part(kind, settings),
                    key -> previous.containsKey(key) ? previous.get(key) : create.get());
        }

        Map<Part, Object> kept() {
            return Map.copyOf(kept);
        }
    }

    private record Compiled(RiskPolicy policy, RiskEngine engine, LoginOutcomes outcomes, BreachedPasswords breached,
            DistinctUsernames enrollments, Map<Part, Object> parts) {
    }
}
