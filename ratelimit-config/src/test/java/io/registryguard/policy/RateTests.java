package io.registryguard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RateTests {

    @Test
    void parseWhenCountPerMinutesThenRate() {
        assertThat(Rate.parse("10 per 5m")).isEqualTo(new Rate(10, Duration.ofMinutes(5)));
    }

    @ParameterizedTest
    @CsvSource({"5 per 30s, 5, PT30S", "20 per 1h, 20, PT1H", "50 per 1d, 50, PT24H", "1000  per  5m, 1000, PT5M"})
    void parseWhenEachUnitThenPeriodInThatUnit(String text, long count, Duration period) {
        assertThat(Rate.parse(text)).isEqualTo(new Rate(count, period));
    }

    @Test
    void parseWhenUnitSpelledOutThenErrorSaysWhatWasExpected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Rate.parse("5 per 5 minutes"))
                .withMessage("'5 per 5 minutes' is not a rate;"
                        + " expected '<count> per <duration>' like '5 per 5m' (units s, m, h, d)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "5/5m", "5 per", "per 5m", "-5 per 5m", "5 per 5x", "5 per m", "five per 5m",
            "5 every 5m", "5 per 5m 1h", "1.5 per 5m"})
    void parseWhenMalformedThenErrorNamesTextAndExpectedForm(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Rate.parse(text))
                .withMessage("'" + text + "' is not a rate; expected " + Rate.EXPECTED);
    }

    @Test
    void parseWhenZeroCountThenErrorSaysCountMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> Rate.parse("0 per 5m"))
                .withMessageContaining("'0 per 5m' allows nothing; expected a positive count");
    }

    @Test
    void parseWhenZeroPeriodThenError() {
        assertThatIllegalArgumentException().isThrownBy(() -> Rate.parse("5 per 0m"))
                .withMessage("'5 per 0m' is not a rate; expected " + Rate.EXPECTED);
    }

    @Test
    void parseWhenNullThenError() {
        assertThatIllegalArgumentException().isThrownBy(() -> Rate.parse(null))
                .withMessageContaining("'null' is not a rate");
    }

    @Test
    void constructWhenCountOrPeriodNotPositiveThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Rate(0, Duration.ofMinutes(5)))
                .withMessage("count must be positive, was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new Rate(5, Duration.ZERO))
                .withMessage("period must be positive, was PT0S");
        assertThatIllegalArgumentException().isThrownBy(() -> new Rate(5, Duration.ofSeconds(-1)))
                .withMessage("period must be positive, was PT-1S");
    }

    @ParameterizedTest
    @CsvSource({"5 per 5m, 5 per 5m", "5 per 300s, 5 per 5m", "20 per 60m, 20 per 1h", "50 per 24h, 50 per 1d",
            "7 per 90s, 7 per 90s"})
    void toStringWhenParsedThenShortestPolicyNotation(String text, String expected) {
        assertThat(Rate.parse(text)).hasToString(expected);
    }
}
