package io.registryguard.risk;

import io.registryguard.policy.risk.TimeBuckets;
import io.registryguard.policy.risk.UsernameTraversalSettings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class UsernameTraversalSignalTests {

    private static final Instant T0 = Instant.parse("2024-03-25T10:00:00Z");

    private final UsernameTraversalSettings settings = new UsernameTraversalSettings(
            new TimeBuckets(Duration.ofHours(1), Duration.ofMinutes(5)), 20, 40, 50, 30);
    private final UsernameTraversalSignal signal = new UsernameTraversalSignal(
            new InMemoryDistinctUsernames(settings.buckets(), 1000, 1000), settings);

    @Test
    void evaluateWhenTwentyUsernamesFromOneAddressThenTraversalIpReason() {
        List<WeightedReason> reasons = List.of();
        for (int i = 0; i < 20; i++) {
            reasons = signal.evaluate(attempt("203.0.113.7", "user" + i, i)).block();
        }

        assertThat(reasons).containsExactly(WeightedReason.of(RiskReason.USERNAME_TRAVERSAL_IP, 40));
    }

    @Test
    void evaluateWhenNineteenUsernamesFromOneAddressThenNoReason() {
        List<WeightedReason> reasons = List.of();
        for (int i = 0; i < 19; i++) {
            reasons = signal.evaluate(attempt("203.0.113.7", "user" + i, i)).block();
        }

        assertThat(reasons).isEmpty();
    }

    @Test
    void evaluateWhenOneUsernameRetriedInDifferentCaseThenCountedOnce() {
        List<WeightedReason> reasons = List.of();
        for (int i = 0; i < 30; i++) {
            reasons = signal.evaluate(attempt("203.0.113.7", i % 2 == 0 ? "Alice" : "alice", i)).block();
        }

        assertThat(reasons).isEmpty();
    }

    @Test
    void evaluateWhenFiftyUsernamesFromFiftyAddressesOfOneSubnetThenTraversalSubnetReasonOnly() {
        List<WeightedReason> reasons = List.of();
        for (int i = 0; i < 50; i++) {
            reasons = signal.evaluate(attempt("203.0.113." + i, "user" + i, i)).block();
        }

        assertThat(reasons).containsExactly(WeightedReason.of(RiskReason.USERNAME_TRAVERSAL_SUBNET, 30));
    }

    @Test
    void evaluateWhenTwentyUsernamesSpreadOverMoreThanTheWindowThenNoReason() {
        List<WeightedReason> reasons = List.of();
        for (int i = 0; i < 20; i++) {
            reasons = signal.evaluate(attempt("203.0.113.7", "user" + i, i * 300)).block();
        }

        assertThat(reasons).isEmpty();
    }

    @Test
    void evaluateWhenNoUsernameThenNoReason() {
        assertThat(signal.evaluate(attempt("203.0.113.7", null, 0)).block()).isEmpty();
    }

    private static LoginAttempt attempt(String address, String username, long secondsAfterT0) {
        return LoginAttempt.of(T0.plusSeconds(secondsAfterT0), address, "203.0.113.0/24", username);
    }
}
