package io.registryguard.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One reading of a {@code /_guard} form: what it cannot read with certainty, it refuses. */
class StrictFormDecoderTests {

    private static byte[] ascii(String body) {
        return body.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean headers(String contentType) {
        return StrictFormDecoder.checkHeaders(List.of(contentType), List.of(), List.of());
    }

    @Test
    void urlEncodedWhenWellFormedThenDecodedWithPlusAsSpaceAndUtf8Escapes() {
        assertThat(StrictFormDecoder.urlEncoded(ascii("code=123+456&name=caf%C3%A9&empty=&bare")))
                .containsExactly(Map.entry("code", "123 456"), Map.entry("name", "café"), Map.entry("empty", ""),
                        Map.entry("bare", ""));
    }

    @Test
    void urlEncodedWhenEmptyOrEmptySegmentsThenThoseAreSkipped() {
        assertThat(StrictFormDecoder.urlEncoded(new byte[0])).isEmpty();
        assertThat(StrictFormDecoder.urlEncoded(ascii("&a=1&&b=2&"))).containsOnlyKeys("a", "b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"code=%zz", "code=%", "code=%4", "code=12%", "co%zde=1", "code=%%41", "code=%G1"})
    void urlEncodedWhenInvalidPercentEncodingThenUnreadable(String body) {
        assertThatThrownBy(() -> StrictFormDecoder.urlEncoded(ascii(body)))
                .isInstanceOf(UnreadableForm.class).hasMessage("invalid percent-encoding");
    }

    @ParameterizedTest
    @ValueSource(strings = {"code=%C3", "code=%FF%FE", "code=%C0%AF", "code=%ED%A0%80"})
    void urlEncodedWhenEscapesAreNotUtf8ThenUnreadable(String body) {
        assertThatThrownBy(() -> StrictFormDecoder.urlEncoded(ascii(body)))
                .isInstanceOf(UnreadableForm.class).hasMessage("the form is not valid UTF-8");
    }

    @Test
    void urlEncodedWhenRawBytesAreNotUtf8ThenUnreadable() {
        assertThatThrownBy(() -> StrictFormDecoder.urlEncoded(new byte[] {'c', '=', (byte) 0xE9}))
                .isInstanceOf(UnreadableForm.class).hasMessage("the form is not valid UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"code=1&code=2", "code=1&code=1", "code=1&c%6Fde=2", "r=&r="})
    void urlEncodedWhenAFieldRepeatsThenUnreadable(String body) {
        assertThatThrownBy(() -> StrictFormDecoder.urlEncoded(ascii(body)))
                .isInstanceOf(UnreadableForm.class).hasMessage("a field appears more than once");
    }

    @Test
    void jsonWhenOneObjectOfStringsThenItsMembers() {
        assertThat(StrictFormDecoder.json(ascii("{\"code\":\"123456\",\"route\":\"delete-project\"}")))
                .containsExactly(Map.entry("code", "123456"), Map.entry("route", "delete-project"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"code\":\"1\",\"code\":\"2\"}", "{\"code\":\"1\"} {}", "{\"code\":", "[\"1\"]",
            "{\"code\":123456}", "{\"code\":null}", "{\"code\":[\"1\"]}", "\"code\"", ""})
    void jsonWhenNotOneObjectOfDistinctStringMembersThenUnreadable(String body) {
        assertThatThrownBy(() -> StrictFormDecoder.json(ascii(body))).isInstanceOf(UnreadableForm.class);
    }

    @Test
    void jsonWhenUtf16ThenUnreadable() {
        assertThatThrownBy(() -> StrictFormDecoder.json("{\"code\":\"1\"}".getBytes(StandardCharsets.UTF_16LE)))
                .isInstanceOf(UnreadableForm.class);
        assertThatThrownBy(() -> StrictFormDecoder.json(new byte[] {'{', '"', 'c', '"', ':', '"', (byte) 0xFF, '"', '}'}))
                .isInstanceOf(UnreadableForm.class).hasMessage("the form is not valid UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "Application/X-WWW-Form-Urlencoded",
            "application/x-www-form-urlencoded; charset=UTF-8", "application/x-www-form-urlencoded;charset=\"utf-8\""})
    void checkHeadersWhenUrlEncodedUtf8ThenForm(String contentType) {
        assertThat(headers(contentType)).isFalse();
    }

    @Test
    void checkHeadersWhenJsonThenJson() {
        assertThat(headers("application/json")).isTrue();
        assertThat(headers("application/json; charset=utf-8")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded; charset=utf-16le", "application/x-www-form-urlencoded; charset=IBM037",
            "application/x-www-form-urlencoded; charset=utf-8; charset=utf-8", "application/x-www-form-urlencoded; boundary=x",
            "text/plain, application/x-www-form-urlencoded", "application/x-www-form-urlencoded+xml", "text/plain",
            "multipart/form-data; boundary=x", "application/json; charset=utf-16", "", "application/x-www-form-urlencoded;"})
    void checkHeadersWhenAnotherTypeOrCharsetThenUnreadable(String contentType) {
        assertThatThrownBy(() -> headers(contentType)).isInstanceOf(UnreadableForm.class);
    }

    @Test
    void checkHeadersWhenNoneOrTwoContentTypesThenUnreadable() {
        assertThatThrownBy(() -> StrictFormDecoder.checkHeaders(List.of(), List.of(), List.of()))
                .isInstanceOf(UnreadableForm.class);
        assertThatThrownBy(() -> StrictFormDecoder.checkHeaders(List.of("application/x-www-form-urlencoded",
                "application/json"), List.of(), List.of())).isInstanceOf(UnreadableForm.class);
    }

    @Test
    void checkHeadersWhenAnyContentEncodingOrTransferCodingButChunkedThenUnreadable() {
        List<String> form = List.of("application/x-www-form-urlencoded");
        assertThatThrownBy(() -> StrictFormDecoder.checkHeaders(form, List.of("gzip"), List.of()))
                .isInstanceOf(UnreadableForm.class);
        assertThatThrownBy(() -> StrictFormDecoder.checkHeaders(form, List.of("identity"), List.of()))
                .isInstanceOf(UnreadableForm.class);
        assertThatThrownBy(() -> StrictFormDecoder.checkHeaders(form, List.of(), List.of("gzip, chunked")))
                .isInstanceOf(UnreadableForm.class);
        assertThat(StrictFormDecoder.checkHeaders(form, List.of(), List.of("chunked"))).isFalse();
    }

    @Test
    void unreadableFormWhenThrownThenNoStackTrace() {
        assertThat(new UnreadableForm("x").getStackTrace()).isEmpty();
    }
}
