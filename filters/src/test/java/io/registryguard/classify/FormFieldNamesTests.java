package io.registryguard.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FormFieldNamesTests {

    @Test
    void fromQueryWhenAbsentThenEmpty() {
        assertThat(FormFieldNames.fromQuery(null)).isEmpty();
        assertThat(FormFieldNames.fromQuery("")).isEmpty();
    }

    @Test
    void fromQueryWhenPairsThenNamesOnly() {
        assertThat(FormFieldNames.fromQuery("next=%2Fmanage%2F&confirm_password=x"))
                .containsExactlyInAnyOrder("next", "confirm_password");
    }

    @Test
    void fromQueryWhenPlusThenSpace() {
        assertThat(FormFieldNames.fromQuery("new+password=x")).containsExactly("new password");
    }

    @Test
    void fromQueryWhenEncodedNameThenDecodedOnce() {
        assertThat(FormFieldNames.fromQuery("confirm%5Fpassword=x&confirm%255Fpassword=y"))
                .containsExactlyInAnyOrder("confirm_password", "confirm%5Fpassword");
    }

    @Test
    void fromQueryWhenNameWithoutValueOrEqualsThenCounted() {
        assertThat(FormFieldNames.fromQuery("confirm_password&email=")).containsExactlyInAnyOrder("confirm_password",
                "email");
    }

    @Test
    void fromQueryWhenEmptyPairsThenSkipped() {
        assertThat(FormFieldNames.fromQuery("&&a=1&&")).containsExactly("a");
    }

    @Test
    void fromQueryWhenSemicolonSeparatorThenBothReadingsCounted() {
        assertThat(FormFieldNames.fromQuery("a=1;confirm_password=x"))
                .containsExactlyInAnyOrder("a", "confirm_password");
    }

    @Test
    void fromQueryWhenInvalidEscapeInNameThenKeptLiteral() {
        assertThat(FormFieldNames.fromQuery("confirm%zz=1&%=2")).containsExactlyInAnyOrder("confirm%zz", "%");
    }

    @Test
    void fromQueryWhenInvalidUtf8InNameThenReplacementCharacter() {
        assertThat(FormFieldNames.fromQuery("a%FFb=1")).containsExactly("a\uFFFDb");
    }

    @Test
    void fromBodyWhenUrlEncodedThenNamesDecoded() {
        byte[] body = "csrf_token=abc&new%5Fpassword=s3cr%26t&caf%C3%A9=1".getBytes(StandardCharsets.US_ASCII);
        assertThat(FormFieldNames.fromBody(FormContentType.URLENCODED, body))
                .containsExactlyInAnyOrder("csrf_token", "new_password", "café");
    }

    @Test
    void fromBodyWhenUrlEncodedValueContainsFieldNameThenNotAName() {
        byte[] body = "field=confirm_password&x=a%3Dconfirm_password".getBytes(StandardCharsets.US_ASCII);
        assertThat(FormFieldNames.fromBody(FormContentType.URLENCODED, body)).containsExactlyInAnyOrder("field", "x");
    }

    @Test
    void fromBodyWhenMultipartThenNameOfEachPart() {
        String body = """
                --b0undary\r
                Content-Disposition: form-data; name="csrf_token"\r
                \r
                abc\r
                --b0undary\r
                Content-Disposition: form-data; name="confirm_password"\r
                Content-Type: text/plain; charset=utf-8\r
                \r
                hunter2\r
                --b0undary--\r
                """;
        assertThat(multipart(body, "b0undary")).containsExactly("csrf_token", "confirm_password");
    }

    @Test
    void fromBodyWhenMultipartWithBareLineFeedsAndPreambleThenNames() {
        String body = "a preamble\n--b\nContent-Disposition: form-data; name=\"email\"\n\nx\n--b--\nepilogue\n";
        assertThat(multipart(body, "b")).containsExactly("email");
    }

    @Test
    void fromBodyWhenMultipartFileAndFieldThenNameNotFilename() {
        String body = "--b\r\nContent-Disposition: form-data; filename=\"confirm_password\"; name=\"content\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\u0000\u00ff binary\r\n--b--\r\n";
        assertThat(multipart(body, "b")).containsExactly("content");
    }

    @Test
    void fromBodyWhenMultipartHeaderSpellingsVaryThenNamesStillFound() {
        String body = "--b\r\ncontent-disposition: form-data; NAME=new_password\r\n\r\nx\r\n"
                + "--b\r\nCONTENT-DISPOSITION: form-data;\r\n name=\"email\"\r\n\r\nx\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"a\\\"q;b\"\r\n\r\nx\r\n--b--\r\n";
        assertThat(multipart(body, "b")).containsExactly("new_password", "email", "a\"q;b");
    }

    @Test
    void fromBodyWhenMultipartNameEncodedThenNotDecoded() {
        String body = "--b\r\nContent-Disposition: form-data; name=\"confirm%5Fpassword\"\r\n\r\nx\r\n--b--\r\n";
        assertThat(multipart(body, "b")).containsExactly("confirm%5Fpassword");
    }

    @Test
    void fromBodyWhenMultipartExtendedNameThenCountedDecoded() {
        String body = "--b\r\nContent-Disposition: form-data; name*=utf-8''confirm%5Fpassword\r\n\r\nx\r\n--b--\r\n";
        assertThat(multipart(body, "b")).containsExactly("confirm_password");
    }

    @Test
    void fromBodyWhenMultipartContentLooksLikeHeadersThenIgnored() {
        String body = "--b\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\n"
                + "Content-Disposition: form-data; name=\"confirm_password\"\r\n--bx\r\n--b--\r\n";
        assertThat(multipart(body, "b")).containsExactly("comment");
    }

    @Test
    void fromBodyWhenMultipartUtf8NameThenDecoded() {
        byte[] body = "--b\r\nContent-Disposition: form-data; name=\"café\"\r\n\r\nx\r\n--b--\r\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(FormFieldNames.fromBody(new FormContentType(true, "b"), body)).containsExactly("café");
    }

    @Test
    void fromBodyWhenMultipartBoundaryNeverAppearsThenNoNames() {
        assertThat(multipart("Content-Disposition: form-data; name=\"email\"\r\n\r\nx\r\n", "b")).isEmpty();
    }

    private static java.util.Set<String> multipart(String body, String boundary) {
        return FormFieldNames.fromBody(new FormContentType(true, boundary), body.getBytes(StandardCharsets.ISO_8859_1));
    }
}
