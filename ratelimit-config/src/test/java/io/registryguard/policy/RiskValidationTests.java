package io.registryguard.policy;

import static io.registryguard.policy.PolicyLoaderTests.parse;
import static io.registryguard.policy.PolicyLoaderTests.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.registryguard.policy.risk.RiskPolicy;
import io.registryguard.policy.risk.RiskPolicy.BreachedPassword;
import io.registryguard.policy.risk.RiskPolicy.EnrollmentBurst;
import io.registryguard.policy.risk.RiskThresholds;
import io.registryguard.policy.risk.SignalFailMode;
import io.registryguard.policy.risk.TimeBuckets;
import org.junit.jupiter.api.Test;

/** The {@code risk} section: reading, defaults, and each problem with its file:line: key. */
class RiskValidationTests {

    /** Three lines: the section under test starts at line 4. */
    private static final String HEAD = """
            version: test-1
            routes:
              login: {class: login, methods: [POST], path: /account/login/}
            """;

    @Test
    void parseWhenSectionLeftOutThenDefaultsAndTheBuiltInFileMatchesThem() {
        assertThat(parse(HEAD).risk()).isEqualTo(RiskPolicy.DEFAULTS);
        RiskPolicy builtIn = PolicyLoader.loadDefault().risk();
        assertThat(builtIn).isEqualTo(RiskPolicy.DEFAULTS);
    }

    @Test
    void parseWhenKeysWrittenThenReadAndTheRestKeepDefaults() {
        RiskPolicy risk = parse(HEAD + """
                risk:
                  thresholds: {require-email: 20, throttle: 50, block: 90, throttle-delay: 500ms}
                  signal-timeout: 1s
                  registry-header: X-Guard-Risk
                  signals:
                    username-traversal: {window: 30m, bucket: 5m, ip-threshold: 5, on-error: risky, on-error-weight: 15}
                    failure-ratio: {enabled: false}
                    scripted-client: {agents: [curl/, evil/]}
                    breached-password: {source: hibp, hibp-url: "http://127.0.0.1:9/", timeout: 300ms, weight: 35}
                    enrollment-burst: {accounts: 5, action: alert}
                """).risk();

        assertThat(risk.thresholds()).isEqualTo(new RiskThresholds(20, 50, 90, Duration.ofMillis(500)));
        assertThat(risk.signalTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(risk.registryHeader()).isEqualTo("X-Guard-Risk");
        assertThat(risk.usernameTraversal().settings().buckets())
                .isEqualTo(new TimeBuckets(Duration.ofMinutes(30), Duration.ofMinutes(5)));
        assertThat(risk.usernameTraversal().settings().ipThreshold()).isEqualTo(5);
        assertThat(risk.usernameTraversal().settings().ipWeight()).isEqualTo(40);
        assertThat(risk.usernameTraversal().onError()).isEqualTo(SignalFailMode.risky(15));
        assertThat(risk.failureRatio().enabled()).isFalse();
        assertThat(risk.scriptedClient().settings().agents()).containsExactly("curl/", "evil/");
        assertThat(risk.breachedPassword().source()).isEqualTo(BreachedPassword.Source.HIBP);
        assertThat(risk.breachedPassword().hibpUrl()).isEqualTo(URI.create("http://127.0.0.1:9/"));
        assertThat(risk.breachedPassword().hibp().timeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(risk.breachedPassword().weight()).isEqualTo(35);
        assertThat(risk.enrollmentBurst().accounts()).isEqualTo(5);
        assertThat(risk.enrollmentBurst().action()).isEqualTo(EnrollmentBurst.Action.ALERT);
        assertThat(risk.novelty()).isEqualTo(RiskPolicy.DEFAULTS.novelty());
    }

    @Test
    void parseWhenThresholdsOutOfOrderThenProblemAtTheSection() {
        assertThat(problems(HEAD + """
                risk:
                  thresholds: {require-email: 50, throttle: 40}
                """)).containsExactly("policy.yaml:5: risk.thresholds: throttle (40) must be >= require-email (50)");
    }

    @Test
    void parseWhenUnknownKeysOrBadValuesThenEachNamed() {
        List<String> problems = problems(HEAD + """
                risk:
                  enabeld: true
                  signal-timeout: 10 seconds
                  signals:
                    failure-ratio: {ip-ratio: lots}
                    breached-password: {source: maybe}
                    novelty: {on-error: ignore, on-error-weight: 5}
                """);

        assertThat(problems).containsExactly(
                "policy.yaml:5: risk.enabeld: unknown key; expected one of: enabled, thresholds, signal-timeout,"
                        + " registry-header, password-field, signals",
                "policy.yaml:6: risk.signal-timeout: '10 seconds' is not a duration; expected a duration like 200ms,"
                        + " 2s or 1m",
                "policy.yaml:8: risk.signals.failure-ratio.ip-ratio: 'lots' is not a number like 0.5",
                "policy.yaml:9: risk.signals.breached-password.source: unknown value 'maybe'; expected one of off,"
                        + " hibp, bloom",
                "policy.yaml:10: risk.signals.novelty.on-error-weight: on-error-weight applies to on-error: risky only");
    }

    @Test
    void parseWhenWindowNotAMultipleOfBucketThenProblemNamesBoth() {
        assertThat(problems(HEAD + """
                risk:
                  signals:
                    username-traversal: {window: 7m, bucket: 5m}
                """)).singleElement().asString().startsWith("policy.yaml:6: risk.signals.username-traversal:")
                .contains("window (PT7M) must be a multiple of bucket (PT5M)");
    }

    @Test
    void parseWhenBloomWithoutFileThenProblem() {
        assertThat(problems(HEAD + """
                risk:
                  signals:
                    breached-password: {source: bloom}
                """)).containsExactly("policy.yaml:6: risk.signals.breached-password: breached-password source bloom"
                        + " needs bloom-file");
    }
}
