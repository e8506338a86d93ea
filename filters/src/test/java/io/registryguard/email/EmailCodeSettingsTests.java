package io.registryguard.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class EmailCodeSettingsTests {

    @Test
    void defaultsWhenUsedThenEightDigitsTenMinutesFiveTries() {
        assertThat(EmailCodeSettings.defaults()).isEqualTo(new EmailCodeSettings(8, Duration.ofMinutes(10), 5));
    }

    @Test
    void constructWhenOutOfRangeThenRejectedNamingTheSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EmailCodeSettings(5, Duration.ofMinutes(10), 5))
                .withMessageContaining("digits");
        assertThatIllegalArgumentException().isThrownBy(() -> new EmailCodeSettings(9, Duration.ofMinutes(10), 5))
                .withMessageContaining("digits");
        assertThatIllegalArgumentException().isThrownBy(() -> new EmailCodeSettings(8, Duration.ZERO, 5))
                .withMessageContaining("ttl");
        assertThatIllegalArgumentException().isThrownBy(() -> new EmailCodeSettings(8, Duration.ofHours(2), 5))
                .withMessageContaining("ttl");
        assertThatIllegalArgumentException().isThrownBy(() -> new EmailCodeSettings(8, Duration.ofMinutes(10), 0))
                .withMessageContaining("maxTries");
    }
}
