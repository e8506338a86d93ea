package io.registryguard.risk;

import io.registryguard.policy.risk.FailureRatioSettings;
import io.registryguard.policy.risk.RiskAction;
import io.registryguard.policy.risk.RiskThresholds;
import io.registryguard.policy.risk.SignalFailMode;
import io.registryguard.policy.risk.UsernameTraversalSettings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;

/**
 * The Mar/Apr 2024 pattern end to end on the in-memory stores: correct passwords at an ordinary rate from many
 * addresses of a few subnets, each address trying a handful of accounts, a library's user agent. No single
 * address crosses a rate limit; the populations give it away.
 */
class StuffingScenarioTests {

    private static final Instant T0 = Instant.parse("2024-03-25T10:00:00Z");
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private final UsernameTraversalSignal traversal = new UsernameTraversalSignal(
            new InMemoryDistinctUsernames(UsernameTraversalSettings.DEFAULTS.buckets(), 10_000, 1_000),
            UsernameTraversalSettings.DEFAULTS);
    private final FailureRatioSignal failures = new FailureRatioSignal(
            new InMemoryAttemptCounts(FailureRatioSettings.DEFAULTS.buckets(), 10_000), FailureRatioSettings.DEFAULTS);
    private final RiskEngine engine = new RiskEngine(List.of(
            NamedSignal.ignoringErrors("traversal", traversal),
            NamedSignal.ignoringErrors("failure-ratio", failures),
            NamedSignal.ignoringErrors("browser-headers", new BrowserHeadersSignal(5)),
            NamedSignal.ignoringErrors("scripted-client", ScriptedClientSignal.withDefaults(15)),
            new NamedSignal("breached", attempt -> Mono.error(new IllegalStateException("hibp down")),
                    SignalFailMode.IGNORE)),
            RiskThresholds.DEFAULTS, Duration.ofSeconds(1), RiskMetrics.NOOP);
    private final LoginOutcomes outcomes = new LoginOutcomes(List.of(failures));

    @Test
    void assessWhenSubnetWalksAccountListWithCorrectPasswordsThenEmailConfirmationRequired() {
        RiskAssessment last = null;
        for (int i = 0; i < 40; i++) {
            // 5 addresses, 8 accounts each, one attempt every 30 s: nothing a per-IP limit would see.
            LoginAttempt attempt = LoginAttempt.of(T0.plusSeconds(30L * i), "203.0.113." + (i % 5), "203.0.113.0/24",
                    "victim" + i).withUserAgent("python-requests/2.31.0");
            last = engine.assess(attempt).block();
            outcomes.outcome(attempt, i % 4 == 0).block(); // mostly correct passwords
        }

        assertThat(last.reasonIds()).contains("username-traversal-subnet", "scripted-client")
                .doesNotContain("failure-ratio-ip");
        assertThat(last.action()).isIn(RiskAction.REQUIRE_EMAIL, RiskAction.THROTTLE);
    }

    @Test
    void assessWhenOneUserLogsInFromBrowserThenAllow() {
        LoginAttempt attempt = LoginAttempt.of(T0, "198.51.100.4", "198.51.100.0/24", "alice").withUserAgent(FIREFOX)
                .withBrowserHeaders("https://pypi.example", "same-origin", "navigate", "en-US");

        RiskAssessment assessment = engine.assess(attempt).block();

        assertThat(assessment.score()).isZero();
        assertThat(assessment.action()).isEqualTo(RiskAction.ALLOW);
    }

    @Test
    void outcomeWhenListenerFailsThenOthersStillCounted() {
        InMemoryAttemptCounts counts = new InMemoryAttemptCounts(FailureRatioSettings.DEFAULTS.buckets(), 10);
        FailureRatioSignal ratio = new FailureRatioSignal(counts, FailureRatioSettings.DEFAULTS);
        LoginOutcomes both = new LoginOutcomes(List.<LoginOutcomeListener>of((a, failed) -> Mono.error(new IllegalStateException("down")),
                ratio));
        LoginAttempt attempt = LoginAttempt.of(T0, "192.0.2.1", "192.0.2.0/24", "bob");

        both.outcome(attempt, true).block();

        assertThat(counts.counts("ip:192.0.2.1", T0).block()).isEqualTo(new AttemptCounts.Counts(1, 1));
    }
}
