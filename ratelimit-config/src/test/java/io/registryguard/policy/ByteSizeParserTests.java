package io.registryguard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeParserTests {

    private static final int MIN = 1024;
    private static final int MAX = 16 * 1024 * 1024;

    @ParameterizedTest
    @CsvSource({"64KiB, 65536", "1MiB, 1048576", "2048, 2048", "1KiB, 1024", "16MiB, 16777216", "1024, 1024"})
    void parseWhenUnitOrPlainBytesThenBytes(String text, int expected) {
        assertThat(ByteSizeParser.parse(text, MIN, MAX)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"64KB", "64kib", "64 KiB", "1GiB", "64K", "-1", "1.5MiB", "", "KiB"})
    void parseWhenMalformedThenErrorShowsAcceptedForms(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> ByteSizeParser.parse(text, MIN, MAX))
                .withMessage("'" + text + "' is not a size; expected a size like 64KiB, 1MiB or a number of bytes,"
                        + " between 1KiB and 16MiB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1023", "0", "17MiB", "16385KiB", "999999999MiB"})
    void parseWhenOutOfRangeThenErrorShowsRange(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> ByteSizeParser.parse(text, MIN, MAX))
                .withMessage("'" + text + "' is out of range; expected between 1KiB and 16MiB");
    }
}
