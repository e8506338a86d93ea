package io.registryguard.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasicCredentialsTests {

    private static final String ALICE = b64("alice:pw");

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readWhenCanonicalThenUsernameAndPasswordAndTheSameHeaderBack() {
        BasicCredentials read = BasicCredentials.read(List.of("Basic " + ALICE)).orElseThrow();
        assertThat(read.username()).isEqualTo("alice");
        assertThat(read.password()).isEqualTo("pw");
        assertThat(read.header()).isEqualTo("Basic " + ALICE);
    }

    @Test
    void readWhenSchemeInOtherCaseThenReadAndForwardedCanonically() {
        assertThat(BasicCredentials.read(List.of("bAsIc " + ALICE)).orElseThrow().header()).isEqualTo("Basic " + ALICE);
    }

    @Test
    void readWhenPasswordHoldsColonsThenSplitAtTheFirst() {
        BasicCredentials read = BasicCredentials.read(List.of("Basic " + b64("bob:a:b"))).orElseThrow();
        assertThat(read.username()).isEqualTo("bob");
        assertThat(read.password()).isEqualTo("a:b");
    }

    @Test
    void readWhenNoHeaderOrAnotherSchemeThenEmpty() {
        assertThat(BasicCredentials.read(List.of())).isEmpty();
        assertThat(BasicCredentials.read(List.of("token pypi-abc"))).isEmpty();
        assertThat(BasicCredentials.read(List.of("Bearer pypi-abc"))).isEmpty();
    }

    /** Each of these is read as alice's credentials by Python's or Node's default decoder. */
    @ParameterizedTest
    @ValueSource(strings = {"Basic YWxpY2U6cHc=!", "Basic YWxp Y2U6cHc=", "Basic  YWxpY2U6cHc=", "Basic\tYWxpY2U6cHc=",
        "Basic YWxpY2U6cHc", "Basic YWxpY2U6cHc==", "Basic YWxpY2U6cHc=\n", "Basic YWxpY2U6cHc=%", "Basic -_xpY2U6cHc=",
        "Basic", "Basic ", "Basic=YWxpY2U6cHc=", "BasicYWxpY2U6cHc="})
    void readWhenNotCanonicalBase64ThenRefused(String header) {
        assertThatThrownBy(() -> BasicCredentials.read(List.of(header)))
                .isInstanceOf(BasicCredentials.MalformedCredentialsException.class);
    }

    @Test
    void readWhenTwoHeadersThenRefused() {
        assertThatThrownBy(() -> BasicCredentials.read(List.of("Basic " + ALICE, "Basic " + b64("carol:x"))))
                .isInstanceOf(BasicCredentials.MalformedCredentialsException.class);
    }

    @Test
    void readWhenNoColonInvalidUtf8OrControlCharacterThenRefused() {
        for (byte[] decoded : List.of("alice".getBytes(StandardCharsets.UTF_8), new byte[] {'a', (byte) 0xff, ':', 'p'},
                "ali\u0000ce:pw".getBytes(StandardCharsets.UTF_8))) {
            String header = "Basic " + Base64.getEncoder().encodeToString(decoded);
            assertThatThrownBy(() -> BasicCredentials.read(List.of(header)))
                    .isInstanceOf(BasicCredentials.MalformedCredentialsException.class);
        }
    }

    @Test
    void toStringWhenPrintedThenNoPassword() {
        assertThat(BasicCredentials.read(List.of("Basic " + b64("bob:hunter2"))).orElseThrow().toString())
                .doesNotContain("hunter2");
    }
}
