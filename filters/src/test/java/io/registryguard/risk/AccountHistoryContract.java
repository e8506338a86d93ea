package io.registryguard.risk;

import io.registryguard.policy.risk.NoveltySettings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

abstract class AccountHistoryContract {

    static final NoveltySettings SETTINGS = new NoveltySettings(Duration.ofDays(400), Duration.ofDays(180), 3, 15,
            10, 20);
    static final Instant T0 = Instant.parse("2024-03-25T10:00:00Z");

    final String username = "user-" + UUID.randomUUID();

    abstract AccountHistory history();

    @Test
    void profileWhenNeverRecordedThenUnknown() {
        assertThat(history().profile(username).block()).isEqualTo(AccountProfile.UNKNOWN);
    }

    @Test
    void profileWhenTwoLoginsThenBothSubnetsAndFamiliesAndLatestTime() {
        history().recordSuccess(username, "198.51.100.0/24", "firefox", T0.plusSeconds(60)).block();
        history().recordSuccess(username, "203.0.113.0/24", "pip", T0).block();

        AccountProfile profile = history().profile(username).block();

        assertThat(profile.subnets()).containsExactlyInAnyOrder("198.51.100.0/24", "203.0.113.0/24");
        assertThat(profile.agentFamilies()).containsExactlyInAnyOrder("firefox", "pip");
        assertThat(profile.lastLogin()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void recordSuccessWhenMoreSubnetsThanMaxEntriesThenOldestForgotten() {
        for (int i = 0; i < 4; i++) {
            history().recordSuccess(username, "10.0." + i + ".0/24", "firefox", T0.plusSeconds(i)).block();
        }

        assertThat(history().profile(username).block().subnets())
                .containsExactlyInAnyOrder("10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24");
    }
}
