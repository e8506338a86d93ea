package io.registryguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import io.registryguard.policy.RouteClass;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * What every {@link AuditTrail} does, run against each implementation so they answer alike. Event times are
 * near the real clock's now (Redis ids are Redis's arrival time); accounts are random per test.
 */
abstract class AuditTrailContract {

    final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    final String alice = "alice-" + UUID.randomUUID();
    final String bob = "bob-" + UUID.randomUUID();

    /** The trail under test, empty at the start of the test; the same instance for the whole test. */
    abstract AuditTrail trail();

    AuditEvent event(String type, String account, Instant time) {
        return AuditEvent.builder(type, time).account(account).ip("203.0.113.9").build();
    }

    void recordAll(AuditEvent... events) {
        Flux.fromArray(events).concatMap(trail()::record).blockLast(Duration.ofSeconds(10));
    }

    List<AuditEvent> query(AuditQuery query) {
        return trail().query(query).collectList().block(Duration.ofSeconds(10));
    }

    @Test
    void recordWhenQueriedByAccountThenEveryFieldReadBack() {
        AuditEvent event = AuditEvent.builder(AuditEventTypes.SENSITIVE_DENIED, t0).account(alice)
                .ip("2001:db8::7").userAgent("Mozilla/5.0 (X11)").routeClass(RouteClass.SENSITIVE)
                .path("/manage/account/").decision(AuditDecision.DENIED).reason("step-up-expired")
                .reason("max-age=300").detail("rule", "delete-account").detail("acr", "otp").build();

        StepVerifier.create(trail().record(event)).verifyComplete();

        assertThat(query(AuditQuery.newest(10).withAccount(alice))).containsExactly(event);
    }

    @Test
    void recordWhenOnlyRequiredFieldsThenReadBackWithNulls() {
        AuditEvent event = AuditEvent.builder(AuditEventTypes.ADMIN_FREEZE, t0).build();

        recordAll(event);

        assertThat(query(AuditQuery.newest(1))).containsExactly(event);
    }

    @Test
    void queryWhenAccountGivenThenOnlyItsEventsNewestFirstIgnoringCase() {
        AuditEvent first = event(AuditEventTypes.LOGIN_FAILURE, alice, t0);
        AuditEvent other = event(AuditEventTypes.LOGIN_FAILURE, bob, t0.plusMillis(1));
        AuditEvent second = event(AuditEventTypes.LOGIN_SUCCESS, alice.toUpperCase(), t0.plusMillis(2));
        recordAll(first, other, second);

        assertThat(query(AuditQuery.newest(10).withAccount(alice))).containsExactly(second, first);
        assertThat(query(AuditQuery.newest(10).withAccount(bob))).containsExactly(other);
    }

    @Test
    void queryWhenIpGivenThenOnlyThatAddressWhateverItsNotation() {
        AuditEvent v6 = AuditEvent.builder(AuditEventTypes.LOGIN_FAILURE, t0).account(alice).ip("2001:db8::1").build();
        AuditEvent v4 = AuditEvent.builder(AuditEventTypes.LOGIN_FAILURE, t0.plusMillis(1)).account(alice)
                .ip("198.51.100.4").build();
        recordAll(v6, v4);

        assertThat(query(AuditQuery.newest(10).withIp("2001:DB8:0:0::1"))).containsExactly(v6);
        assertThat(query(AuditQuery.newest(10).withIp("::ffff:198.51.100.4"))).containsExactly(v4);
        assertThat(query(AuditQuery.newest(10).withIp("198.51.100.5"))).isEmpty();
    }

    @Test
    void queryWhenWindowGivenThenSinceIncludedAndUntilExcluded() {
        AuditEvent[] events = new AuditEvent[4];
        for (int i = 0; i < events.length; i++) {
            events[i] = event(AuditEventTypes.LOGIN_FAILURE, alice, t0.plusSeconds(i));
        }
        recordAll(events);

        assertThat(query(AuditQuery.newest(10).between(t0.plusSeconds(1), t0.plusSeconds(3))))
                .containsExactly(events[2], events[1]);
        assertThat(query(AuditQuery.newest(10).between(t0.plusSeconds(2), null))).containsExactly(events[3], events[2]);
        assertThat(query(AuditQuery.newest(10).between(null, t0.plusSeconds(1)))).containsExactly(events[0]);
    }

    @Test
    void queryWhenAccountAndWindowGivenThenBothApply() {
        AuditEvent early = event(AuditEventTypes.LOGIN_SUCCESS, alice, t0);
        AuditEvent late = event(AuditEventTypes.LOGIN_SUCCESS, alice, t0.plusSeconds(5));
        AuditEvent bobs = event(AuditEventTypes.LOGIN_SUCCESS, bob, t0.plusSeconds(5));
        recordAll(early, late, bobs);

        assertThat(query(AuditQuery.newest(10).withAccount(alice).between(t0.plusSeconds(1), null)))
                .containsExactly(late);
    }

    @Test
    void queryWhenLimitGivenThenTheNewestThatMany() {
        AuditEvent[] events = new AuditEvent[5];
        for (int i = 0; i < events.length; i++) {
            events[i] = event(AuditEventTypes.LOGIN_FAILURE, i % 2 == 0 ? alice : bob, t0.plusMillis(i));
        }
        recordAll(events);

        assertThat(query(AuditQuery.newest(2))).containsExactly(events[4], events[3]);
        assertThat(query(AuditQuery.newest(2).withAccount(alice))).containsExactly(events[4], events[2]);
    }

    @Test
    void queryWhenNothingMatchesThenEmpty() {
        recordAll(event(AuditEventTypes.LOGIN_FAILURE, alice, t0));

        assertThat(query(AuditQuery.newest(10).withAccount(bob))).isEmpty();
        assertThat(query(AuditQuery.newest(10).between(t0.plusSeconds(1), null))).isEmpty();
    }

    @Test
    void recordWhenSubscribedThenOneJsonLineOnTheAuditLogger() {
        AuditEvent event = event(AuditEventTypes.FACTOR_ENROLLED, alice, t0);
        try (LogCapture audit = LogCapture.of(AuditLog.LOGGER)) {
            recordAll(event);

            assertThat(audit.messages(Level.INFO)).containsExactly(event.toJson());
        }
    }

    @Test
    void recordWhenNotSubscribedThenNothingLoggedOrKept() {
        try (LogCapture audit = LogCapture.of(AuditLog.LOGGER)) {
            trail().record(event(AuditEventTypes.LOGIN_FAILURE, alice, t0));

            assertThat(audit.messages(Level.INFO)).isEmpty();
        }
        assertThat(query(AuditQuery.newest(10).withAccount(alice))).isEmpty();
    }

    @Test
    void recordWhenValuesAreHostileThenKeptVerbatimAndTheLogLineStaysOneLine() {
        String hostile = "\"},{\"type\":\"admin.freeze\"}\n2024-01-01 INFO forged line </script><script>alert(1)</script>"
                + " \u2028 \u202e {} \\";
        AuditEvent event = AuditEvent.builder(AuditEventTypes.LOGIN_FAILURE, t0).account(alice).userAgent(hostile)
                .path("/account/login/" + hostile).reason(hostile).detail("username", hostile).build();
        try (LogCapture audit = LogCapture.of(AuditLog.LOGGER)) {
            recordAll(event);

            assertThat(audit.messages(Level.INFO)).singleElement().satisfies(line -> assertThat(line)
                    .doesNotContain("\n", "\u2028", "\u202e", "</script>", "\"},{\""));
        }
        assertThat(query(AuditQuery.newest(1).withAccount(alice))).singleElement()
                .satisfies(read -> assertThat(read.userAgent()).isEqualTo(hostile))
                .satisfies(read -> assertThat(read.details()).isEqualTo(Map.of("username", hostile)));
    }
}
