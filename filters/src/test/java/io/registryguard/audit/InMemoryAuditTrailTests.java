package io.registryguard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** The ring: its bound, and what it reports. */
class InMemoryAuditTrailTests {

    private final Instant t0 = Instant.parse("2024-03-01T08:42:33Z");

    private static AuditEvent numbered(Instant time, int i) {
        return AuditEvent.builder(AuditEventTypes.LOGIN_FAILURE, time.plusMillis(i)).account("user-" + i).build();
    }

    @Test
    void recordWhenRingFullThenOldestDropped() {
        InMemoryAuditTrail trail = new InMemoryAuditTrail(3, AuditMetrics.NOOP);

        Flux.range(0, 5).concatMap(i -> trail.record(numbered(t0, i))).blockLast();

        assertThat(trail.size()).isEqualTo(3);
        List<AuditEvent> all = trail.query(AuditQuery.newest(10)).collectList().block();
        assertThat(all).extracting(AuditEvent::account).containsExactly("user-4", "user-3", "user-2");
        assertThat(trail.query(AuditQuery.newest(10).withAccount("user-1")).collectList().block()).isEmpty();
    }

    @Test
    void recordWhenRecordedThenCountedByType() {
        CountingAuditMetrics metrics = new CountingAuditMetrics();
        InMemoryAuditTrail trail = new InMemoryAuditTrail(3, metrics);

        trail.record(numbered(t0, 0)).block();

        assertThat(metrics.recorded).containsExactly(AuditEventTypes.LOGIN_FAILURE);
        assertThat(metrics.writeFailures).hasValue(0);
    }

    @Test
    void constructWhenCapacityBelowOneThenRefused() {
        assertThatThrownBy(() -> new InMemoryAuditTrail(0, AuditMetrics.NOOP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("capacity");
    }
}
