package io.registryguard.policy.risk;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code risk} section: how credential stuffing is scored and answered (2024: correct passwords at an ordinary
 * rate from many addresses, so only populations and what accounts do next give it away).
 *
 * @param enabled        off: no attempt is scored (the limits and the second factor still apply)
 * @param thresholds     score → action
 * @param signalTimeout  a signal slower than this counts as failed (its {@code on-error} applies)
 * @param registryHeader the request header that carries the score and reasons to the registry; empty: none
 * @param passwordField  the login form's password field, read only to hash it for the breached-password check
 */
public record RiskPolicy(boolean enabled, RiskThresholds thresholds, Duration signalTimeout, String registryHeader,
        String passwordField, Signal<UsernameTraversalSettings> usernameTraversal,
        Signal<FailureRatioSettings> failureRatio, Signal<UnderAttackSettings> underAttack,
        Signal<Integer> browserHeaders, Signal<ScriptedClient> scriptedClient, Signal<NoveltySettings> novelty,
        BreachedPassword breachedPassword, EnrollmentBurst enrollmentBurst) {

    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public static final RiskPolicy DEFAULTS = new RiskPolicy(true, RiskThresholds.DEFAULTS, Duration.ofMillis(200),
            "", "password",
            Signal.on(UsernameTraversalSettings.DEFAULTS),
            Signal.on(FailureRatioSettings.DEFAULTS),
            Signal.on(UnderAttackSettings.DEFAULTS),
            Signal.on(5),
            Signal.on(new ScriptedClient(25, ScriptedClient.DEFAULT_AGENTS)),
            Signal.on(NoveltySettings.DEFAULTS),
            BreachedPassword.OFF,
            EnrollmentBurst.DEFAULTS);

    public RiskPolicy {
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(signalTimeout, "signal-timeout");
        if (signalTimeout.isNegative() || signalTimeout.isZero() || signalTimeout.compareTo(Duration.ofSeconds(5)) > 0) {
            throw new IllegalArgumentException("signal-timeout must be in (0, 5s], was " + signalTimeout);
        }
        registryHeader = registryHeader == null ? "" : registryHeader.strip();
        if (!registryHeader.isEmpty() && !HEADER_NAME.matcher(registryHeader).matches()) {
            throw new IllegalArgumentException("registry-header must be a header name (letters, digits, '-'), was '"
                    + registryHeader + "'");
        }
        Objects.requireNonNull(passwordField, "password-field");
        if (passwordField.isBlank()) {
            throw new IllegalArgumentException("password-field must not be blank");
        }
        Objects.requireNonNull(usernameTraversal, "username-traversal");
        Objects.requireNonNull(failureRatio, "failure-ratio");
        Objects.requireNonNull(underAttack, "under-attack");
        Objects.requireNonNull(browserHeaders, "browser-headers");
        Objects.requireNonNull(scriptedClient, "scripted-client");
        Objects.requireNonNull(novelty, "novelty");
        Objects.requireNonNull(breachedPassword, "breached-password");
        Objects.requireNonNull(enrollmentBurst, "enrollment-burst");
        if (browserHeaders.settings() <= 0) {
            throw new IllegalArgumentException("browser-headers.weight-per-header must be > 0");
        }
    }

    public RiskPolicy withEnabled(boolean value) {
        return new RiskPolicy(value, thresholds, signalTimeout, registryHeader, passwordField, usernameTraversal,
                failureRatio, underAttack, browserHeaders, scriptedClient, novelty, breachedPassword, enrollmentBurst);
    }

    /**
     * One signal: on or off, its settings, and what its failure (a store down, a timeout) counts as.
     */
    public record Signal<T>(boolean enabled, T settings, SignalFailMode onError) {

        public Signal {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(onError, "on-error");
        }

        public static <T> Signal<T> on(T settings) {
            return new Signal<>(true, settings, SignalFailMode.IGNORE);
        }
    }

    /** Library default user agents on a login (real users log in with a browser, publish with pip or twine). */
    public record ScriptedClient(int weight, List<String> agents) {

        public static final List<String> DEFAULT_AGENTS = List.of("curl/", "wget/", "python-requests/",
                "python-urllib/", "python-httpx/", "aiohttp/", "go-http-client/", "okhttp/", "java/",
                "apache-httpclient/", "node-fetch/", "axios/", "undici", "libwww-perl/", "ruby", "scrapy/",
                "postmanruntime/", "insomnia/", "httpie/");

        public ScriptedClient {
            RiskChecks.positive("scripted-client.weight", weight);
            agents = List.copyOf(agents);
            if (agents.isEmpty() || agents.stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("scripted-client.agents must be a non-empty list of prefixes");
            }
        }
    }

    /**
     * Whether the password the registry just accepted is known from breaches. Looked up only after the registry
     * accepted it (a failed attempt never waits for it), by Have I Been Pwned's range API (only the first five hex
     * digits of its SHA-1 leave the gateway) or an offline Bloom filter file.
     */
    public record BreachedPassword(Source source, int weight, PwnedPasswordsSettings hibp, String bloomFile,
            SignalFailMode onError) {

        public static final BreachedPassword OFF = new BreachedPassword(Source.OFF, 30, PwnedPasswordsSettings.DEFAULTS,
                "", SignalFailMode.IGNORE);

        public BreachedPassword {
            Objects.requireNonNull(source, "source");
            RiskChecks.positive("breached-password.weight", weight);
            Objects.requireNonNull(hibp, "hibp");
            bloomFile = bloomFile == null ? "" : bloomFile.strip();
            Objects.requireNonNull(onError, "on-error");
            if (source == Source.BLOOM && bloomFile.isEmpty()) {
                throw new IllegalArgumentException("breached-password source bloom needs bloom-file");
            }
        }

        public URI hibpUrl() {
            return hibp.baseUrl();
        }

        public enum Source {
            OFF("off"), HIBP("hibp"), BLOOM("bloom");

            private final String id;

            Source(String id) {
                this.id = id;
            }

            public String id() {
                return id;
            }
        }
    }

    /**
     * First-factor enrollments started across many accounts in a short window (2024: the attackers enrolled their
     * own second factor on every account they got into).
     *
     * @param accounts distinct accounts starting a first enrollment within the window that make a burst
     * @param action   what a burst does to an enrollment whose login carried any risk reason
     */
    public record EnrollmentBurst(boolean enabled, TimeBuckets buckets, int accounts, Action action) {

        public static final EnrollmentBurst DEFAULTS = new EnrollmentBurst(true,
                new TimeBuckets(Duration.ofMinutes(10), Duration.ofMinutes(1)), 20, Action.REFUSE_RISKY);

        public EnrollmentBurst {
            Objects.requireNonNull(buckets, "window");
            RiskChecks.positive("enrollment-burst.accounts", accounts);
            Objects.requireNonNull(action, "action");
        }

        public enum Action {
            /** Refuse the enrollment (the user is told to contact the operators); audit and count it. */
            REFUSE_RISKY("refuse-risky"),
            /** Only audit and count it. */
            ALERT("alert");

            private final String id;

            Action(String id) {
                this.id = id;
            }

            public String id() {
                return id;
            }
        }
    }
}
