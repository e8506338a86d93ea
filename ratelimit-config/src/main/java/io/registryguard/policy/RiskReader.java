package io.registryguard.policy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.registryguard.policy.risk.FailureRatioSettings;
import io.registryguard.policy.risk.NoveltySettings;
import io.registryguard.policy.risk.PwnedPasswordsSettings;
import io.registryguard.policy.risk.RiskPolicy;
import io.registryguard.policy.risk.RiskPolicy.BreachedPassword;
import io.registryguard.policy.risk.RiskPolicy.EnrollmentBurst;
import io.registryguard.policy.risk.RiskPolicy.ScriptedClient;
import io.registryguard.policy.risk.RiskPolicy.Signal;
import io.registryguard.policy.risk.RiskThresholds;
import io.registryguard.policy.risk.SignalFailMode;
import io.registryguard.policy.risk.TimeBuckets;
import io.registryguard.policy.risk.UnderAttackSettings;
import io.registryguard.policy.risk.UsernameTraversalSettings;

/**
 * Reads the {@code risk} section. Every key is optional: what is left out keeps the built-in value
 * ({@link RiskPolicy#DEFAULTS}), so an operator writes only what they change. A section whose values do not fit
 * together (a window that is not a multiple of its bucket) is reported at the section's line, naming the key.
 */
final class RiskReader {

    static final List<String> KEYS = List.of("enabled", "thresholds", "signal-timeout", "registry-header",
            "password-field", "signals");
    static final List<String> THRESHOLD_KEYS = List.of("require-email", "throttle", "block", "throttle-delay");
    static final List<String> SIGNAL_KEYS = List.of("username-traversal", "failure-ratio", "under-attack",
            "browser-headers", "scripted-client", "novelty", "breached-password", "enrollment-burst");
    static final List<String> TRAVERSAL_KEYS = List.of("enabled", "window", "bucket", "ip-threshold", "ip-weight",
            "subnet-threshold", "subnet-weight", "on-error", "on-error-weight");
    static final List<String> FAILURE_RATIO_KEYS = List.of("enabled", "window", "bucket", "min-attempts", "ip-ratio",
            "ip-weight", "subnet-ratio", "subnet-weight", "on-error", "on-error-weight");
    static final List<String> UNDER_ATTACK_KEYS = List.of("enabled", "interval", "alpha", "warmup-intervals",
            "min-attempts", "enter-factor", "min-ratio", "exit-factor", "exit-intervals", "weight");
    static final List<String> BROWSER_KEYS = List.of("enabled", "weight-per-header");
    static final List<String> SCRIPTED_KEYS = List.of("enabled", "weight", "agents");
    static final List<String> NOVELTY_KEYS = List.of("enabled", "retention", "dormant-after", "max-entries",
            "novel-address-weight", "novel-user-agent-weight", "dormant-weight", "on-error", "on-error-weight");
    static final List<String> BREACHED_KEYS = List.of("source", "weight", "hibp-url", "timeout", "cache-ttl",
            "cache-size", "bloom-file", "on-error", "on-error-weight");
    static final List<String> BURST_KEYS = List.of("enabled", "window", "bucket", "accounts", "action");

    private static final String MILLIS_EXPECTED = "a duration like 200ms, 2s or 1m";

    private RiskReader() {
    }

    static RiskPolicy read(YamlValue section) {
        RiskPolicy d = RiskPolicy.DEFAULTS;
        return section.mapping(KEYS).flatMap(risk -> build(section, () -> {
            Optional<YamlMapping> signals = risk.optional("signals").flatMap(s -> s.mapping(SIGNAL_KEYS));
            return new RiskPolicy(
                    risk.optional("enabled").flatMap(YamlValue::bool).orElse(d.enabled()),
                    risk.optional("thresholds").flatMap(RiskReader::thresholds).orElse(d.thresholds()),
                    risk.optional("signal-timeout").flatMap(RiskReader::millis).orElse(d.signalTimeout()),
                    risk.optional("registry-header").map(v -> blankable(v, "a header name like X-Guard-Risk"))
                            .orElse(d.registryHeader()),
                    risk.optional("password-field").flatMap(v -> v.text("a form field name"))
                            .orElse(d.passwordField()),
                    signal(signals, "username-traversal", RiskReader::traversal, d.usernameTraversal()),
                    signal(signals, "failure-ratio", RiskReader::failureRatio, d.failureRatio()),
                    signal(signals, "under-attack", RiskReader::underAttack, d.underAttack()),
                    signal(signals, "browser-headers", RiskReader::browserHeaders, d.browserHeaders()),
                    signal(signals, "scripted-client", RiskReader::scripted, d.scriptedClient()),
                    signal(signals, "novelty", RiskReader::novelty, d.novelty()),
                    signals.flatMap(s -> s.optional("breached-password")).flatMap(RiskReader::breached)
                            .orElse(d.breachedPassword()),
                    signals.flatMap(s -> s.optional("enrollment-burst")).flatMap(RiskReader::burst)
                            .orElse(d.enrollmentBurst()));
        })).orElse(d);
    }

    private static <T> Signal<T> signal(Optional<YamlMapping> signals, String name,
            Function<YamlValue, Optional<Signal<T>>> reader, Signal<T> fallback) {
        return signals.flatMap(s -> s.optional(name)).flatMap(reader).orElse(fallback);
    }

    private static Optional<RiskThresholds> thresholds(YamlValue value) {
        RiskThresholds d = RiskThresholds.DEFAULTS;
        return value.mapping(THRESHOLD_KEYS).flatMap(f -> build(value, () -> new RiskThresholds(
                integer(f, "require-email", d.requireEmail()), integer(f, "throttle", d.throttle()),
                integer(f, "block", d.block()),
                f.optional("throttle-delay").flatMap(RiskReader::millisAllowingZero).orElse(d.throttleDelay()))));
    }

    private static Optional<Signal<UsernameTraversalSettings>> traversal(YamlValue value) {
        UsernameTraversalSettings d = UsernameTraversalSettings.DEFAULTS;
        return value.mapping(TRAVERSAL_KEYS).flatMap(f -> build(value, () -> new Signal<>(enabled(f),
                new UsernameTraversalSettings(buckets(f, d.buckets()), integer(f, "ip-threshold", d.ipThreshold()),
                        integer(f, "ip-weight", d.ipWeight()), integer(f, "subnet-threshold", d.subnetThreshold()),
                        integer(f, "subnet-weight", d.subnetWeight())), onError(f))));
    }

    private static Optional<Signal<FailureRatioSettings>> failureRatio(YamlValue value) {
        FailureRatioSettings d = FailureRatioSettings.DEFAULTS;
        return value.mapping(FAILURE_RATIO_KEYS).flatMap(f -> build(value, () -> new Signal<>(enabled(f),
                new FailureRatioSettings(buckets(f, d.buckets()), integer(f, "min-attempts", (int) d.minAttempts()),
                        decimal(f, "ip-ratio", d.ipRatio()), integer(f, "ip-weight", d.ipWeight()),
                        decimal(f, "subnet-ratio", d.subnetRatio()), integer(f, "subnet-weight", d.subnetWeight())),
                onError(f))));
    }

    private static Optional<Signal<UnderAttackSettings>> underAttack(YamlValue value) {
        UnderAttackSettings d = UnderAttackSettings.DEFAULTS;
        return value.mapping(UNDER_ATTACK_KEYS).flatMap(f -> build(value, () -> new Signal<>(enabled(f),
                new UnderAttackSettings(f.optional("interval").flatMap(RiskReader::duration).orElse(d.interval()),
                        decimal(f, "alpha", d.alpha()), integer(f, "warmup-intervals", d.warmupIntervals()),
                        integer(f, "min-attempts", (int) d.minAttempts()), decimal(f, "enter-factor", d.enterFactor()),
                        decimal(f, "min-ratio", d.minRatio()), decimal(f, "exit-factor", d.exitFactor()),
                        integer(f, "exit-intervals", d.exitIntervals()), integer(f, "weight", d.weight())),
                SignalFailMode.IGNORE)));
    }

    private static Optional<Signal<Integer>> browserHeaders(YamlValue value) {
        return value.mapping(BROWSER_KEYS).flatMap(f -> build(value, () -> new Signal<>(enabled(f),
                integer(f, "weight-per-header", RiskPolicy.DEFAULTS.browserHeaders().settings()),
                SignalFailMode.IGNORE)));
    }

    private static Optional<Signal<ScriptedClient>> scripted(YamlValue value) {
        ScriptedClient d = RiskPolicy.DEFAULTS.scriptedClient().settings();
        return value.mapping(SCRIPTED_KEYS).flatMap(f -> build(value, () -> new Signal<>(enabled(f),
                new ScriptedClient(integer(f, "weight", d.weight()),
                        f.optional("agents").flatMap(RiskReader::texts).orElse(d.agents())),
                SignalFailMode.IGNORE)));
    }

    private static Optional<Signal<NoveltySettings>> novelty(YamlValue value) {
        NoveltySettings d = NoveltySettings.DEFAULTS;
        return value.mapping(NOVELTY_KEYS).flatMap(f -> build(value, () -> new Signal<>(enabled(f),
                new NoveltySettings(f.optional("retention").flatMap(RiskReader::duration).orElse(d.retention()),
                        f.optional("dormant-after").flatMap(RiskReader::duration).orElse(d.dormantAfter()),
                        integer(f, "max-entries", d.maxEntries()),
                        integer(f, "novel-address-weight", d.novelAddressWeight()),
                        integer(f, "novel-user-agent-weight", d.novelAgentWeight()),
                        integer(f, "dormant-weight", d.dormantWeight())), onError(f))));
    }

    private static Optional<BreachedPassword> breached(YamlValue value) {
        BreachedPassword d = BreachedPassword.OFF;
        PwnedPasswordsSettings h = d.hibp();
        return value.mapping(BREACHED_KEYS).flatMap(f -> build(value, () -> new BreachedPassword(
                f.optional("source").flatMap(v -> choice(v, BreachedPassword.Source.values(),
                        BreachedPassword.Source::id)).orElse(d.source()),
                integer(f, "weight", d.weight()),
                new PwnedPasswordsSettings(
                        f.optional("hibp-url").flatMap(v -> v.parsed("an http(s) URL", URI::create))
                                .orElse(h.baseUrl()),
                        f.optional("timeout").flatMap(RiskReader::millis).orElse(h.timeout()),
                        f.optional("cache-ttl").flatMap(RiskReader::millisAllowingZero).orElse(h.cacheTtl()),
                        integer(f, "cache-size", h.cacheSize()), PwnedPasswordsSettings.OnLookupFailure.ERROR),
                f.optional("bloom-file").map(v -> blankable(v, "a file path")).orElse(d.bloomFile()),
                onError(f))));
    }

    private static Optional<EnrollmentBurst> burst(YamlValue value) {
        EnrollmentBurst d = EnrollmentBurst.DEFAULTS;
        return value.mapping(BURST_KEYS).flatMap(f -> build(value, () -> new EnrollmentBurst(enabled(f),
                buckets(f, d.buckets()), integer(f, "accounts", d.accounts()),
                f.optional("action").flatMap(v -> choice(v, EnrollmentBurst.Action.values(),
                        EnrollmentBurst.Action::id)).orElse(d.action()))));
    }

    private static boolean enabled(YamlMapping fields) {
        return fields.optional("enabled").flatMap(YamlValue::bool).orElse(true);
    }

    private static SignalFailMode onError(YamlMapping fields) {
        Optional<String> mode = fields.optional("on-error").flatMap(v -> choice(v, new String[] {"ignore", "risky"},
                s -> s));
        if (mode.isEmpty() || mode.get().equals("ignore")) {
            fields.optional("on-error-weight").ifPresent(v -> v.problem("on-error-weight applies to on-error: risky"
                    + " only"));
            return SignalFailMode.IGNORE;
        }
        return SignalFailMode.risky(integer(fields, "on-error-weight", 30));
    }

    private static TimeBuckets buckets(YamlMapping fields, TimeBuckets fallback) {
        return new TimeBuckets(fields.optional("window").flatMap(RiskReader::duration).orElse(fallback.window()),
                fields.optional("bucket").flatMap(RiskReader::duration).orElse(fallback.width()));
    }

    private static int integer(YamlMapping fields, String key, int fallback) {
        return fields.optional(key).flatMap(v -> v.parsed("a whole number", text -> {
            if (!text.matches("-?\\d{1,9}")) {
                throw new IllegalArgumentException("'" + text + "' is not a whole number");
            }
            return Integer.parseInt(text);
        })).orElse(fallback);
    }

    private static double decimal(YamlMapping fields, String key, double fallback) {
        return fields.optional(key).flatMap(v -> v.parsed("a number like 0.5", text -> {
            if (!text.matches("\\d{1,6}(\\.\\d{1,6})?")) {
                throw new IllegalArgumentException("'" + text + "' is not a number like 0.5");
            }
            return Double.parseDouble(text);
        })).orElse(fallback);
    }

    private static Optional<Duration> duration(YamlValue value) {
        return value.parsed(DurationParser.EXPECTED, DurationParser::parse);
    }

    private static Optional<Duration> millis(YamlValue value) {
        return value.parsed(MILLIS_EXPECTED, RiskReader::parseMillis);
    }

    private static Optional<Duration> millisAllowingZero(YamlValue value) {
        return value.parsed(MILLIS_EXPECTED, text -> text.equals("0") || text.equals("0s") || text.equals("0ms")
                ? Duration.ZERO : parseMillis(text));
    }

    private static Duration parseMillis(String text) {
        if (text.matches("\\d{1,9}ms")) {
            long ms = Long.parseLong(text.substring(0, text.length() - 2));
            if (ms == 0) {
                throw new IllegalArgumentException("'" + text + "' is zero; expected " + MILLIS_EXPECTED);
            }
            return Duration.ofMillis(ms);
        }
        try {
            return DurationParser.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; expected " + MILLIS_EXPECTED);
        }
    }

    /** A text that may be left empty ({@code ""} or nothing): empty means "none". */
    private static String blankable(YamlValue value, String expected) {
        return value.isBlank() ? "" : value.text(expected).orElse("");
    }

    private static Optional<List<String>> texts(YamlValue value) {
        return value.list("[curl/, python-requests/]").map(items -> {
            List<String> texts = new ArrayList<>();
            items.forEach(item -> item.text("a user-agent prefix").ifPresent(texts::add));
            return texts;
        });
    }

    private static <T> Optional<T> choice(YamlValue value, T[] choices, Function<T, String> id) {
        List<String> ids = java.util.Arrays.stream(choices).map(id).toList();
        String expected = "one of " + String.join(", ", ids);
        return value.text(expected).flatMap(text -> {
            for (T choice : choices) {
                if (id.apply(choice).equals(text)) {
                    return Optional.of(choice);
                }
            }
            value.problem("unknown value '" + text + "'; expected " + expected);
            return Optional.empty();
        });
    }

    /** Builds a record; its own validation message is reported at {@code where} (the section that is wrong). */
    private static <T> Optional<T> build(YamlValue where, java.util.function.Supplier<T> builder) {
        try {
            return Optional.of(builder.get());
        } catch (IllegalArgumentException | NullPointerException e) {
            where.problem(e.getMessage());
            return Optional.empty();
        }
    }
}
