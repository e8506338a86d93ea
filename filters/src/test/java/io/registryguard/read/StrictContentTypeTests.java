package io.registryguard.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictContentTypeTests {

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "Application/X-WWW-Form-URLEncoded",
        "application/x-www-form-urlencoded; charset=UTF-8", "application/x-www-form-urlencoded;charset=utf-8",
        "application/x-www-form-urlencoded; charset=\"utf-8\""})
    void ofWhenUrlEncodedInUtf8ThenUrlEncoded(String header) {
        assertThat(StrictContentType.of(List.of(header))).isEqualTo(StrictContentType.URLENCODED);
    }

    @Test
    void ofWhenMultipartThenBoundaryUnquoted() {
        assertThat(StrictContentType.of(List.of("multipart/form-data; boundary=\"a b'c\"")).boundary()).isEqualTo("a b'c");
        assertThat(StrictContentType.of(List.of("multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxk")).boundary())
                .isEqualTo("----WebKitFormBoundary7MA4YWxk");
    }

    /** Each of these is read as a form by some lenient server, in some charset or after some guess. */
    @ParameterizedTest
    @ValueSource(strings = {"text/plain, application/x-www-form-urlencoded", "application/x-www-form-urlencoded+xml",
        "application/x-www-form-urlencoded, text/plain", "application/x-www-form-urlencoded; charset=utf-16le",
        "application/x-www-form-urlencoded; charset=utf-16", "application/x-www-form-urlencoded; charset=IBM037",
        "application/x-www-form-urlencoded; charset=utf-8; charset=utf-16", "application/x-www-form-urlencoded;",
        "application/x-www-form-urlencoded; charset", "application/x-www-form-urlencoded; x=1",
        "application/x-www-form-urlencoded; charset=\"utf-8", "application/json; x=1", "text/plain", "",
        "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=a; boundary=b",
        "multipart/form-data; boundary=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "multipart/mixed; boundary=b",
        "multipart/form-data; boundary=\"a\u0001\""})
    void ofWhenAnythingElseThenRefused(String header) {
        assertThatThrownBy(() -> StrictContentType.of(List.of(header))).isInstanceOf(UnreadableRequestException.class);
    }

    @Test
    void ofWhenNoneOrTwoHeadersThenRefused() {
        assertThatThrownBy(() -> StrictContentType.of(List.of())).isInstanceOf(UnreadableRequestException.class);
        assertThatThrownBy(() -> StrictContentType.of(List.of("application/x-www-form-urlencoded", "text/plain")))
                .isInstanceOf(UnreadableRequestException.class).hasMessageContaining("More than one");
    }

    @Test
    void ofWhenRefusedThenTheMessageQuotesOnlyPrintableAscii() {
        assertThatThrownBy(() -> StrictContentType.of(List.of("text/\u00e9\u0007plain")))
                .hasMessageContaining("text/??plain");
    }
}
