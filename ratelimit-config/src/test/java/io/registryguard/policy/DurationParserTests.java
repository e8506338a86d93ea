package io.registryguard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationParserTests {

    @ParameterizedTest
    @CsvSource({"30s, PT30S", "5m, PT5M", "24h, PT24H", "7d, PT168H", "90s, PT1M30S", "1d, PT24H"})
    void parseWhenNumberAndUnitThenDuration(String text, Duration expected) {
        assertThat(DurationParser.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "m", "5 m", "5min", "5 minutes", "5M", "-5m", "1.5h", "5w", "5ms", "PT5M",
            "9999999999d"})
    void parseWhenMalformedThenErrorNamesTextAndExpectedForm(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> DurationParser.parse(text))
                .withMessage("'" + text + "' is not a duration; expected a duration like 30s, 5m, 24h or 7d"
                        + " (units s, m, h, d)");
    }

    @Test
    void parseWhenZeroThenErrorSaysPositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> DurationParser.parse("0s"))
                .withMessage("'0s' is zero; expected a positive duration");
    }

    @Test
    void parseWhenNullThenError() {
        assertThatIllegalArgumentException().isThrownBy(() -> DurationParser.parse(null))
                .withMessageStartingWith("'null' is not a duration");
    }

    @ParameterizedTest
    @CsvSource({"PT30S, 30s", "PT5M, 5m", "PT300S, 5m", "PT24H, 1d", "PT36H, 36h", "PT61S, 61s"})
    void formatWhenDurationThenLargestExactUnit(Duration duration, String expected) {
        assertThat(DurationParser.format(duration)).isEqualTo(expected);
        assertThat(DurationParser.parse(expected)).isEqualTo(duration);
    }
}
