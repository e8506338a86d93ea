package io.registryguard.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactorKeyRingJsonTests {

    private static final String A = TestKeys.keyFor("a");
    private static final String SHORT_KEY = Base64.getEncoder()
            .encodeToString("sixteen-byte-key".getBytes(StandardCharsets.US_ASCII));

    @Test
    void fromJsonWhenNoEntryMarkedThenFirstIsPrimary() {
        FactorKeyRing ring = FactorKeyRing.fromJson(TestKeys.json("b", "a"));

        assertThat(ring.primaryKeyId()).isEqualTo("b");
        assertThat(ring.keyIds()).containsExactly("b", "a");
    }

    @Test
    void fromJsonWhenEntryMarkedPrimaryThenThatOne() {
        FactorKeyRing ring = FactorKeyRing.fromJson("{\"keys\": [" + TestKeys.entry("b") + ", {\"kid\": \"a\", \"key\": \""
                + A + "\", \"primary\": true}]}");

        assertThat(ring.primaryKeyId()).isEqualTo("a");
        assertThat(ring.seal("alice", new byte[20])).startsWith("v1.a.");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "[]| expected a JSON object",
            "''| expected a JSON object",
            "{}| \"keys\" must be an array",
            "{\"keys\": {}}| \"keys\" must be an array",
            "{\"keys\": []}| \"keys\" is empty",
            "{\"keys\": [\"a\"]}| keys[0] must be an object",
            "{\"keys\": [{\"key\": \"@A\"}]}| keys[0] needs a \"kid\" string",
            "{\"keys\": [{\"kid\": 7, \"key\": \"@A\"}]}| keys[0] needs a \"kid\" string",
            "{\"keys\": [{\"kid\": \"a.b\", \"key\": \"@A\"}]}| keys[0].kid must be 1 to 64 characters",
            "{\"keys\": [{\"kid\": \"a\"}]}| keys[0] (kid \"a\") needs a \"key\" string",
            "{\"keys\": [{\"kid\": \"a\", \"key\": \"@A!\"}]}| keys[0] (kid \"a\").key is not standard base64",
            "{\"keys\": [{\"kid\": \"a\", \"key\": \"@S\"}]}| keys[0] (kid \"a\").key decodes to 16 bytes; AES-256 needs 32",
            "{\"keys\": [{\"kid\": \"a\", \"key\": \"@A\"}, {\"kid\": \"a\", \"key\": \"@A\"}]}| kid \"a\" appears twice (keys[0] and keys[1])",
            "{\"keys\": [{\"kid\": \"a\", \"key\": \"@A\", \"primary\": \"yes\"}]}| keys[0].primary must be true or false",
            "{\"keys\": [{\"kid\": \"a\", \"key\": \"@A\", \"primary\": true}, {\"kid\": \"b\", \"key\": \"@A\", \"primary\": true}]}| more than one key is marked primary (keys[0] and keys[1])",
            "{\"keys\": [{\"kid\": \"a\", \"key\": \"@A\", \"primay\": true}]}| keys[0] has an unknown field \"primay\"",
            "{\"keys\": [{\"kid\": \"a\", \"key\": \"@A\"}], \"primary\": \"a\"}| the document has an unknown field \"primary\"",
            "{\"keys\": [{\"kid\": \"a\", \"key\": \"@A\", \"key\": \"@A\"}]}| not valid JSON (line 1, column",
            "{\"keys\": [{\"kid\": \"a\", \"key\": \"@A\"}]} {}| not valid JSON",
            "{\"keys\": [{\"kid\": \"a\", \"key\": @A}]}| not valid JSON (line 1, column"})
    void fromJsonWhenDocumentWrongThenMessageNamesTheProblemWithoutKeyBytes(String template, String expected) {
        String json = template.replace("@A", A).replace("@S", SHORT_KEY);

        assertThatIllegalArgumentException().isThrownBy(() -> FactorKeyRing.fromJson(json))
                .withMessageStartingWith("factor key ring: ")
                .withMessageContaining(expected.strip())
                .withMessageNotContaining(A.substring(0, 12))
                .withMessageNotContaining(SHORT_KEY.substring(0, 12))
                .withNoCause();
    }

    @Test
    void fromJsonWhenKeyPastedAsFieldNameThenNotQuoted() {
        String json = "{\"keys\": [{\"kid\": \"a\", \"" + A + "\": \"\"}]}";

        assertThatIllegalArgumentException().isThrownBy(() -> FactorKeyRing.fromJson(json))
                .withMessageContaining("unknown field \"…\"")
                .withMessageNotContaining(A.substring(0, 12));
    }

    @Test
    void fromJsonWhenSyntaxErrorOnLaterLineThenLineNumbered() {
        String json = "{\n  \"keys\": [\n    {\"kid\": \"a\", \"key\": \"" + A + "\"},\n  ]\n}";

        assertThatIllegalArgumentException().isThrownBy(() -> FactorKeyRing.fromJson(json))
                .withMessageMatching("factor key ring: not valid JSON \\(line 4, column \\d+\\)");
    }
}
