package io.registryguard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a query accepts, and what it matches. */
class AuditQueryTests {

    private static final Instant T = Instant.parse("2024-03-01T08:42:33Z");

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001})
    void constructWhenLimitOutOfRangeThenRefused(int limit) {
        assertThatThrownBy(() -> AuditQuery.newest(limit)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit: must be between 1 and 1000");
    }

    @Test
    void constructWhenLimitAtTheBoundsThenAccepted() {
        assertThat(AuditQuery.newest(1).limit()).isEqualTo(1);
        assertThat(AuditQuery.newest(1000).limit()).isEqualTo(1000);
    }

    @Test
    void constructWhenSinceNotBeforeUntilThenRefused() {
        assertThatThrownBy(() -> AuditQuery.newest(10).between(T, T)).hasMessageStartingWith("since:");
        assertThatThrownBy(() -> AuditQuery.newest(10).between(T.plusSeconds(1), T)).hasMessageStartingWith("since:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "1.2.3.256", "01.2.3.4", "1.2.3", "2001:db8::g", "localhost"})
    void constructWhenIpIsNotALiteralThenRefused(String ip) {
        assertThatThrownBy(() -> AuditQuery.newest(10).withIp(ip)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ip:");
    }

    @Test
    void constructWhenAccountOrIpBlankThenNoFilter() {
        AuditQuery query = AuditQuery.newest(10).withAccount(" ").withIp("");

        assertThat(query.account()).isNull();
        assertThat(query.ip()).isNull();
        assertThat(query.filtersSubjects()).isFalse();
    }

    @Test
    void matchesWhenAccountDiffersOnlyInCaseThenMatched() {
        AuditEvent event = AuditEvent.builder("login.failure", T).account("Alice").build();

        assertThat(AuditQuery.newest(10).withAccount("alice").matches(event)).isTrue();
        assertThat(AuditQuery.newest(10).withAccount("alicia").matches(event)).isFalse();
        assertThat(AuditQuery.newest(10).withIp("192.0.2.1").matches(event)).isFalse();
    }
}
