package io.registryguard.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;

/** The one strict reader of a body's fields, as the guard's own pages use it (forms and JSON). */
class StrictFormsTests {

    private static final String FORM = "application/x-www-form-urlencoded";

    private static List<FormField> read(String contentType, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        if (contentType != null) {
            headers.add(HttpHeaders.CONTENT_TYPE, contentType);
        }
        return StrictForms.read(headers, body, StrictForms.Accepted.FORMS_AND_JSON);
    }

    private static List<FormField> read(String contentType, String body) {
        return read(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readWhenUrlEncodedThenDecodedWithPlusAsSpaceAndUtf8Escapes() {
        assertThat(read(FORM, "code=123+456&name=caf%C3%A9&empty=&bare")).extracting(FormField::name, FormField::value)
                .containsExactly(tuple("code", "123 456"), tuple("name", "café"), tuple("empty", ""), tuple("bare", ""));
    }

    @Test
    void readWhenEmptyBodyThenNoFieldsAndNoContentTypeNeeded() {
        assertThat(read(null, new byte[0])).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"code=%zz", "code=%", "code=%4", "code=12%", "co%zde=1", "code=%%41", "code=%G1",
        "code=%C3", "code=%FF%FE", "code=%C0%AF", "code=%ED%A0%80", "code=1&code=2", "code=1&code=1", "code=1&c%6Fde=2",
        "r=&r="})
    void readWhenEscapesInvalidNotUtf8OrAFieldRepeatsThenUnreadable(String body) {
        assertThatThrownBy(() -> read(FORM, body)).isInstanceOf(UnreadableRequestException.class);
    }

    @Test
    void readWhenJsonObjectOfStringsThenItsMembers() {
        assertThat(read("application/json", "{\"code\":\"123456\",\"route\":\"delete-project\"}"))
                .extracting(FormField::name, FormField::value)
                .containsExactly(tuple("code", "123456"), tuple("route", "delete-project"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"code\":\"1\",\"code\":\"2\"}", "{\"code\":\"1\"} {}", "{\"code\":", "[\"1\"]",
        "{\"code\":123456}", "{\"code\":null}", "{\"code\":[\"1\"]}", "\"code\"", " "})
    void readWhenJsonNotOneObjectOfDistinctStringMembersThenUnreadable(String body) {
        assertThatThrownBy(() -> read("application/json", body)).isInstanceOf(UnreadableRequestException.class);
    }

    @Test
    void readWhenJsonNotUtf8ThenUnreadable() {
        assertThatThrownBy(() -> read("application/json", "{\"code\":\"1\"}".getBytes(StandardCharsets.UTF_16LE)))
                .isInstanceOf(UnreadableRequestException.class);
        assertThatThrownBy(() -> read("application/json", new byte[] {'{', '"', 'c', '"', ':', '"', (byte) 0xFF, '"', '}'}))
                .isInstanceOf(UnreadableRequestException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void readWhenJsonOnARegistryFormRouteThenUnreadable() {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.CONTENT_TYPE, "application/json");
        assertThatThrownBy(() -> StrictForms.read(headers, "{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_8),
                StrictForms.Accepted.FORMS)).isInstanceOf(UnreadableRequestException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded; charset=utf-16le",
        "application/x-www-form-urlencoded; charset=IBM037", "application/x-www-form-urlencoded; charset=utf-8; charset=utf-8",
        "application/x-www-form-urlencoded; boundary=x", "text/plain, application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded+xml", "text/plain", "multipart/form-data; boundary=x",
        "application/json; charset=utf-16", "", "application/x-www-form-urlencoded;"})
    void readWhenAnotherTypeOrCharsetOnTheGuardsPagesThenUnreadable(String contentType) {
        assertThatThrownBy(() -> read(contentType, "code=1")).isInstanceOf(UnreadableRequestException.class);
    }

    @Test
    void readWhenAnyContentEncodingOrTransferCodingButChunkedThenUnreadable() {
        for (String[] header : new String[][] {{HttpHeaders.CONTENT_ENCODING, "gzip"},
            {HttpHeaders.CONTENT_ENCODING, "deflate"}, {HttpHeaders.TRANSFER_ENCODING, "gzip, chunked"}}) {
            HttpHeaders headers = new HttpHeaders();
            headers.add(HttpHeaders.CONTENT_TYPE, FORM);
            headers.add(header[0], header[1]);
            assertThatThrownBy(() -> StrictForms.read(headers, "code=1".getBytes(StandardCharsets.UTF_8),
                    StrictForms.Accepted.FORMS_AND_JSON)).isInstanceOf(UnreadableRequestException.class);
        }
        HttpHeaders chunked = new HttpHeaders();
        chunked.add(HttpHeaders.CONTENT_TYPE, FORM);
        chunked.add(HttpHeaders.TRANSFER_ENCODING, "chunked");
        assertThat(StrictForms.read(chunked, "code=1".getBytes(StandardCharsets.UTF_8), StrictForms.Accepted.FORMS))
                .hasSize(1);
    }

    @Test
    void unreadableWhenThrownThenNoStackTrace() {
        assertThat(new UnreadableRequestException("x", "y").getStackTrace()).isEmpty();
    }
}
