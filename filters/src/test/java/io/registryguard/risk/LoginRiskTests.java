package io.registryguard.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.registryguard.policy.risk.RiskAction;
import io.registryguard.policy.risk.RiskPolicy;
import io.registryguard.policy.risk.RiskPolicy.BreachedPassword;
import io.registryguard.policy.risk.RiskPolicy.EnrollmentBurst;
import io.registryguard.policy.risk.RiskThresholds;
import io.registryguard.policy.risk.SignalFailMode;
import io.registryguard.policy.risk.TimeBuckets;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The policy's risk section applied: scoring, reloads, the breached check after acceptance, enrollment bursts. */
class LoginRiskTests {

    private static final Instant T0 = Instant.parse("2024-03-25T10:00:00Z");
    private static final String SHA1 = "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8";

    private final List<String> events = new ArrayList<>();
    private final RiskMetrics metrics = new RiskMetrics() {
        @Override
        public synchronized void breachedAfterAcceptance(RiskAction action) {
            events.add("breached:" + action);
        }

        @Override
        public synchronized void enrollmentDuringBurst(boolean refused) {
            events.add("burst:" + refused);
        }

        @Override
        public synchronized void signalFailed(String signal, boolean treatedAsRisky) {
            events.add("failed:" + signal + ":" + treatedAsRisky);
        }
    };

    private static LoginAttempt script(int i) {
        return LoginAttempt.of(T0.plusSeconds(i), "198.51.100.7", "198.51.100.0/24", "user" + i)
                .withUserAgent("curl/8.5.0").withPasswordSha1(SHA1);
    }

    private static RiskPolicy breached(BreachedPassword.Source source, SignalFailMode onError) {
        RiskPolicy d = RiskPolicy.DEFAULTS;
        BreachedPassword off = BreachedPassword.OFF;
        return new RiskPolicy(true, d.thresholds(), d.signalTimeout(), d.registryHeader(), d.passwordField(),
                d.usernameTraversal(), d.failureRatio(), d.underAttack(), d.browserHeaders(), d.scriptedClient(),
                d.novelty(), new BreachedPassword(source, 30, off.hibp(), "", onError), d.enrollmentBurst());
    }

    private static RiskPolicy burst(int accounts, EnrollmentBurst.Action action) {
        RiskPolicy d = RiskPolicy.DEFAULTS;
        return new RiskPolicy(true, d.thresholds(), d.signalTimeout(), d.registryHeader(), d.passwordField(),
                d.usernameTraversal(), d.failureRatio(), d.underAttack(), d.browserHeaders(), d.scriptedClient(),
                d.novelty(), d.breachedPassword(), new EnrollmentBurst(true,
                        new TimeBuckets(Duration.ofMinutes(10), Duration.ofMinutes(1)), accounts, action));
    }

    @Test
    void assessWhenScriptWithoutBrowserHeadersThenRequireEmailWithBothReasons() {
        LoginRisk risk = new LoginRisk(RiskPolicy.DEFAULTS, RiskStores.inMemory(), s -> null, metrics);

        RiskAssessment assessment = risk.assess(script(0)).block();

        assertThat(assessment.score()).isEqualTo(45);
        assertThat(assessment.reasonIds()).containsExactly("scripted-client", "missing-browser-headers");
        assertThat(assessment.action()).isEqualTo(RiskAction.REQUIRE_EMAIL);
        assertThat(assessment.requiresEmail()).isTrue();
    }

    @Test
    void assessWhenDisabledThenNothingScoredAndNothingCounted() {
        LoginRisk risk = LoginRisk.disabled();

        assertThat(risk.assess(script(0)).block()).isEqualTo(RiskAssessment.NONE);
        assertThat(risk.wantsPasswordHash()).isFalse();
        assertThat(risk.refuseEnrollment("a", T0, true).block()).isFalse();
    }

    @Test
    void applyWhenOnlyThresholdsChangeThenCountersKeptAndNewThresholdsUsed() {
        LoginRisk risk = new LoginRisk(RiskPolicy.DEFAULTS, RiskStores.inMemory(), s -> null, metrics);
        for (int i = 0; i < 9; i++) {
            risk.assess(script(i)).block();
        }
        RiskPolicy d = RiskPolicy.DEFAULTS;
        risk.apply(new RiskPolicy(true, new RiskThresholds(30, 60, 85, Duration.ZERO), d.signalTimeout(),
                d.registryHeader(), d.passwordField(), d.usernameTraversal(), d.failureRatio(), d.underAttack(),
                d.browserHeaders(), d.scriptedClient(), d.novelty(), d.breachedPassword(), d.enrollmentBurst()));

        RiskAssessment tenth = risk.assess(script(9)).block();

        // the 10th distinct username from one address: traversal (40) + script (25) + headers (20) = 85
        assertThat(tenth.reasonIds()).contains("username-traversal-ip");
        assertThat(tenth.action()).isEqualTo(RiskAction.BLOCK);
    }

    @Test
    void afterAcceptanceWhenBreachedThenWeightAddedAndCounted() {
        AtomicInteger lookups = new AtomicInteger();
        LoginRisk risk = new LoginRisk(breached(BreachedPassword.Source.HIBP, SignalFailMode.IGNORE),
                RiskStores.inMemory(), s -> sha1 -> {
                    lookups.incrementAndGet();
                    return Mono.just(sha1.equals(SHA1));
                }, metrics);
        LoginAttempt browser = LoginAttempt.of(T0, "198.51.100.7", "198.51.100.0/24", "alice")
                .withUserAgent("Mozilla/5.0 Firefox/140.0").withBrowserHeaders("https://r", "same-origin", "navigate",
                        "en").withPasswordSha1(SHA1);

        RiskAssessment after = risk.afterAcceptance(browser, RiskAssessment.NONE).block();

        assertThat(risk.wantsPasswordHash()).isTrue();
        assertThat(after.reasonIds()).containsExactly("breached-password");
        assertThat(after.requiresEmail()).isTrue();
        assertThat(lookups).hasValue(1);
        assertThat(events).containsExactly("breached:REQUIRE_EMAIL");
    }

    @Test
    void afterAcceptanceWhenLookupFailsThenItsFailModeDecides() {
        LoginAttempt attempt = script(0);
        LoginRisk ignoring = new LoginRisk(breached(BreachedPassword.Source.HIBP, SignalFailMode.IGNORE),
                RiskStores.inMemory(), s -> sha1 -> Mono.error(new IllegalStateException("down")), metrics);
        LoginRisk risky = new LoginRisk(breached(BreachedPassword.Source.HIBP, SignalFailMode.risky(30)),
                RiskStores.inMemory(), s -> sha1 -> Mono.error(new IllegalStateException("down")), metrics);

        assertThat(ignoring.afterAcceptance(attempt, RiskAssessment.NONE).block()).isEqualTo(RiskAssessment.NONE);
        assertThat(risky.afterAcceptance(attempt, RiskAssessment.NONE).block().reasonIds())
                .containsExactly("signal-unavailable");
        assertThat(events).containsExactly("failed:breached-password:false", "failed:breached-password:true");
    }

    @Test
    void refuseEnrollmentWhenBurstThenOnlyRiskyLoginsRefusedAndAlertRefusesNone() {
        LoginRisk refusing = new LoginRisk(burst(3, EnrollmentBurst.Action.REFUSE_RISKY), RiskStores.inMemory(),
                s -> null, metrics);
        LoginRisk alerting = new LoginRisk(burst(1, EnrollmentBurst.Action.ALERT), RiskStores.inMemory(), s -> null,
                metrics);

        assertThat(refusing.refuseEnrollment("a", T0, true).block()).isFalse();
        assertThat(refusing.refuseEnrollment("b", T0, true).block()).isFalse();
        assertThat(refusing.refuseEnrollment("b", T0, true).block()).as("one account twice is one").isFalse();
        assertThat(refusing.refuseEnrollment("c", T0, false).block()).isFalse();
        assertThat(refusing.refuseEnrollment("d", T0, true).block()).isTrue();
        assertThat(refusing.refuseEnrollment("e", T0.plus(Duration.ofMinutes(11)), true).block())
                .as("the window has passed").isFalse();
        assertThat(alerting.refuseEnrollment("a", T0, true).block()).isFalse();
        assertThat(events).containsExactly("burst:false", "burst:true", "burst:false");
    }
}
