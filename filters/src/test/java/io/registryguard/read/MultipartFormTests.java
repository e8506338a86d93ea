package io.registryguard.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultipartFormTests {

    private static List<FormField> parse(String body) {
        return MultipartForm.parse(body.getBytes(StandardCharsets.UTF_8), "b0");
    }

    private static String part(String name, String value) {
        return "--b0\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    @Test
    void parseWhenBrowserShapedThenFieldsInOrder() {
        List<FormField> fields = parse(part("username", "alice") + part("password", "p\r\nw") + part("e", "") + "--b0--\r\n");
        assertThat(fields).extracting(FormField::name).containsExactly("username", "password", "e");
        assertThat(fields).extracting(FormField::value).containsExactly("alice", "p\r\nw", "");
    }

    @Test
    void parseWhenTokenNameTextPlainUtf8AndNoFinalCrlfThenRead() {
        List<FormField> fields = parse("--b0\r\ncontent-disposition: form-data; name=user\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n\u00e5sa\r\n--b0--");
        assertThat(fields).extracting(FormField::name, FormField::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("user", "\u00e5sa"));
    }

    /** Each of these is read differently (or read at all) by some lenient multipart parser. */
    @ParameterizedTest
    @ValueSource(strings = {
        // preamble, bare LF, folded header, unknown header, transfer encoding
        "junk\r\n--b0\r\nContent-Disposition: form-data; name=\"u\"\r\n\r\nx\r\n--b0--",
        "--b0\nContent-Disposition: form-data; name=\"u\"\n\nx\n--b0--",
        "--b0\r\nContent-Disposition: form-data;\r\n name=\"u\"\r\n\r\nx\r\n--b0--",
        "--b0\r\nContent-Disposition: form-data; name=\"u\"\r\nX-Name: username\r\n\r\nx\r\n--b0--",
        "--b0\r\nContent-Disposition: form-data; name=\"u\"\r\nContent-Transfer-Encoding: base64\r\n\r\neA==\r\n--b0--",
        // disposition tricks: x-name, name*, two names, filename, no name, not form-data, two dispositions
        "--b0\r\nContent-Disposition: form-data; name=\"note\"; x-name=\"username\"\r\n\r\nalice\r\n--b0--",
        "--b0\r\nContent-Disposition: form-data; name*=UTF-8''username\r\n\r\nalice\r\n--b0--",
        "--b0\r\nContent-Disposition: form-data; name=\"a\"; name=\"username\"\r\n\r\nalice\r\n--b0--",
        "--b0\r\nContent-Disposition: form-data; name=\"u\"; filename=\"x.txt\"\r\n\r\nalice\r\n--b0--",
        "--b0\r\nContent-Disposition: form-data\r\n\r\nalice\r\n--b0--",
        "--b0\r\nContent-Disposition: attachment; name=\"u\"\r\n\r\nalice\r\n--b0--",
        "--b0\r\nContent-Disposition: form-data; name=\"u\"\r\nContent-Disposition: form-data; name=\"v\"\r\n\r\nx\r\n--b0--",
        "--b0\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nx\r\n--b0--",
        // part content types and charsets
        "--b0\r\nContent-Disposition: form-data; name=\"u\"\r\nContent-Type: text/plain; charset=utf-16le\r\n\r\nx\r\n--b0--",
        "--b0\r\nContent-Disposition: form-data; name=\"u\"\r\nContent-Type: application/octet-stream\r\n\r\nx\r\n--b0--",
        // unterminated, trailing data, bad boundary line end
        "--b0\r\nContent-Disposition: form-data; name=\"u\"\r\n\r\nx",
        "--b0\r\nContent-Disposition: form-data; name=\"u\"\r\n\r\nx\r\n--b0--\r\n--b0\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nalice\r\n--b0--",
        "--b0\r\nContent-Disposition: form-data; name=\"u\"\r\n\r\nx\r\n--b0 \r\nContent-Disposition: form-data; name=\"v\"\r\n\r\ny\r\n--b0--",
        "--b0\r\nContent-Disposition: form-data; name=\"u\"",
        ""})
    void parseWhenAmbiguousOrUnusualThenRefused(String body) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(UnreadableRequestException.class);
    }

    @Test
    void parseWhenValueNotUtf8ThenRefused() {
        byte[] body = ("--b0\r\nContent-Disposition: form-data; name=\"u\"\r\n\r\n\u00ff\r\n--b0--")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> MultipartForm.parse(body, "b0")).isInstanceOf(UnreadableRequestException.class);
    }
}
