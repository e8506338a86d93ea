package io.registryguard.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Base32Tests {

    @ParameterizedTest
    @CsvSource({"'', ''", "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void encodeWhenRfc4648VectorsThenUnpaddedAndDecodesBack(String plain, String base32) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
        assertThat(Base32.encode(bytes)).isEqualTo(base32);
        assertThat(Base32.decode(base32)).isEqualTo(bytes);
    }

    @Test
    void decodeWhenLowerCaseSpacesOrPaddingThenSameBytes() {
        assertThat(Base32.decode("mzxw 6ytb oi======")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void decodeWhenCharacterOutsideAlphabetThenRefusedWithoutEchoingInput() {
        assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode("SECRETKEY1"))
                .withMessageContaining("character 10")
                .withMessageNotContaining("SECRETKEY");
    }

    @Test
    void decodeWhenLengthCannotEndABytesThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode("MZX"));
    }

    @Test
    void totpSecretWhenBase32RoundTripThenEqualAndTwentyBytes() {
        TotpSecret secret = TotpSecret.generate(new SecureRandom());
        assertThat(secret.base32()).hasSize(32).matches("[A-Z2-7]+");
        assertThat(TotpSecret.fromBase32(secret.base32().toLowerCase(java.util.Locale.ROOT))).isEqualTo(secret);
        assertThat(secret.bytes()).hasSize(20);
    }

    @Test
    void totpSecretWhenNotTwentyBytesThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> TotpSecret.fromBase32("MZXW6YTBOI"))
                .withMessageContaining("20 bytes");
    }
}
