package io.registryguard.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElapsedTests {

    @ParameterizedTest
    @CsvSource({"PT0S, 0s", "PT0.25S, 250ms", "PT10S, 10s", "PT2M40S, 2m40s", "PT1H, 1h", "PT24H, 24h",
            "PT47H59M, 47h59m", "PT48H, 2d", "PT170H0M1S, 7d2h1s"})
    void formatWhenDurationThenThePolicysUnits(Duration duration, String text) {
        assertThat(Elapsed.format(duration)).isEqualTo(text);
    }
}
