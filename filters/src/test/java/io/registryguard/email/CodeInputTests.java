package io.registryguard.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeInputTests {

    @Test
    void normalizeWhenSeparatorsThenDigitsOnly() {
        assertThat(CodeInput.normalize(" 1234 5678 ", 8)).contains("12345678");
        assertThat(CodeInput.normalize("1234-5678", 8)).contains("12345678");
    }

    @Test
    void normalizeWhenWrongLengthOrOtherCharactersThenEmpty() {
        assertThat(CodeInput.normalize("1234567", 8)).isEmpty();
        assertThat(CodeInput.normalize("123456789", 8)).isEmpty();
        assertThat(CodeInput.normalize("1234567O", 8)).isEmpty();
        assertThat(CodeInput.normalize("١٢٣٤٥٦٧٨", 8)).isEmpty(); // Arabic-Indic digits are not ours
        assertThat(CodeInput.normalize(" ".repeat(60) + "12345678", 8)).isEmpty();
        assertThat(CodeInput.normalize(null, 8)).isEmpty();
    }
}
