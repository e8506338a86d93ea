package io.registryguard.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlEncodedFormTests {

    private static List<FormField> body(String text) {
        return UrlEncodedForm.parse(text.getBytes(StandardCharsets.UTF_8), FormField.Source.BODY);
    }

    @Test
    void parseWhenEncodedThenPlusIsSpaceAndEscapesDecoded() {
        assertThat(body("user+name=al%69ce&pass=p%26w%3D&empty=&flag"))
                .extracting(FormField::name, FormField::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("user name", "alice"),
                        org.assertj.core.groups.Tuple.tuple("pass", "p&w="),
                        org.assertj.core.groups.Tuple.tuple("empty", ""),
                        org.assertj.core.groups.Tuple.tuple("flag", ""));
    }

    @Test
    void parseWhenSemicolonThenPartOfTheValueNotASeparator() {
        // Python before 3.9.2 split on ';' too; the canonical form encodes it, so the registry reads one field
        List<FormField> fields = body("a=1;username=alice");
        assertThat(fields).hasSize(1);
        assertThat(fields.get(0).value()).isEqualTo("1;username=alice");
        assertThat(UrlEncodedForm.serialize(fields)).isEqualTo("a=1%3Busername%3Dalice");
    }

    @Test
    void parseWhenEmptyPairsThenSkipped() {
        assertThat(body("&&a=1&&")).extracting(FormField::name).containsExactly("a");
        assertThat(body("")).isEmpty();
    }

    @Test
    void parseWhenRawUtf8ThenDecoded() {
        assertThat(body("username=al\u0130ce").get(0).value()).isEqualTo("al\u0130ce");
    }

    @ParameterizedTest
    @ValueSource(strings = {"code=%zz", "code=%4", "code=%", "user%zzname=x", "code=%ff", "code=%c0%af", "=value",
        "code=%00", "na%0Ame=x", "code=%e2%82", "code=%\uff11\uff11"})
    void parseWhenNotReadableWithCertaintyThenRefused(String text) {
        assertThatThrownBy(() -> body(text)).isInstanceOf(UnreadableRequestException.class);
    }

    @Test
    void parseWhenInvalidUtf8BytesThenRefused() {
        byte[] latin1 = "username=al\u00efce".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> UrlEncodedForm.parse(latin1, FormField.Source.BODY))
                .isInstanceOf(UnreadableRequestException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void parseWhenLineBreaksInAValueThenKept() {
        assertThat(body("note=a%0D%0Ab%09c").get(0).value()).isEqualTo("a\r\nb\tc");
    }

    @Test
    void serializeWhenParsedAgainThenTheSameFields() {
        List<FormField> fields = body("u=al%C4%B0ce+x&p=%2B%26%3D%25%3B%7E*&e=");
        String canonical = UrlEncodedForm.serialize(fields);
        assertThat(canonical).matches("[A-Za-z0-9%+=&*._-]*");
        assertThat(body(canonical)).isEqualTo(fields);
    }
}
