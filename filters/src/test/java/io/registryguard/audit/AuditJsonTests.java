package io.registryguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.registryguard.policy.RouteClass;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON line: its shape, and what no value can do to it. */
class AuditJsonTests {

    private static final Instant T = Instant.parse("2024-03-01T08:42:33.120Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void toJsonWhenAllFieldsThenTheDocumentedShape() {
        AuditEvent event = AuditEvent.builder("login.failure", T).account("alice").ip("203.0.113.9")
                .userAgent("pip/24.0").routeClass(RouteClass.LOGIN).path("/account/login/")
                .decision(AuditDecision.DENIED).reason("registry-said-failure").detail("status", "200")
                .detail("attempt", "3").build();

        assertThat(event.toJson()).isEqualTo("{\"time\":\"2024-03-01T08:42:33.120Z\",\"type\":\"login.failure\","
                + "\"account\":\"alice\",\"ip\":\"203.0.113.9\",\"userAgent\":\"pip/24.0\",\"routeClass\":\"login\","
                + "\"path\":\"/account/login/\",\"decision\":\"denied\",\"reasons\":[\"registry-said-failure\"],"
                + "\"details\":{\"attempt\":\"3\",\"status\":\"200\"}}");
    }

    @Test
    void toJsonWhenValuesAbsentThenNullsAndEmptyCollections() {
        AuditEvent event = AuditEvent.builder("admin.freeze", T).build();

        assertThat(event.toJson()).isEqualTo("{\"time\":\"2024-03-01T08:42:33.120Z\",\"type\":\"admin.freeze\","
                + "\"account\":null,\"ip\":null,\"userAgent\":null,\"routeClass\":null,\"path\":null,"
                + "\"decision\":\"none\",\"reasons\":[],\"details\":{}}");
    }

    @Test
    void toJsonWhenValuesAreHostileThenEscapedAndTheyParseBackUnchanged() {
        String hostile = "x\"y\\z\n\r\t\b\u0000\u007f</script><!-- & 'q' \u2028\u2029\u202e\u200b\ufeff \uD83D\uDE00 {}";

        AuditEvent event = AuditEvent.builder("login.failure", T).account(hostile).userAgent(hostile)
                .path("/" + hostile).reason(hostile).detail("username", hostile).build();
        String json = event.toJson();

        assertThat(json).doesNotContain("\n", "\r", "\t", "\b", "\u0000", "\u007f", "<", ">", "&", "'", "\u2028",
                "\u2029", "\u202e", "\u200b", "\ufeff", "\\\"},");
        assertThat(json).contains("\\u003c/script\\u003e", "\\\"", "\\\\", "\\n", "\\u2028", "\\u202e",
                "\uD83D\uDE00");
        JsonNode node = JSON.readTree(json);
        assertThat(node.get("account").stringValue()).isEqualTo(hostile);
        assertThat(node.get("userAgent").stringValue()).isEqualTo(hostile);
        assertThat(node.get("path").stringValue()).isEqualTo("/" + hostile);
        assertThat(node.get("reasons").get(0).stringValue()).isEqualTo(hostile);
        assertThat(node.get("details").get("username").stringValue()).isEqualTo(hostile);
    }

    @Test
    void toJsonWhenHalfASurrogatePairThenEscapedNotWrittenRaw() {
        String json = AuditEvent.builder("login.failure", T).account("a\uD83Db\uDE00c").build().toJson();

        assertThat(json).contains("\"account\":\"a\\ud83db\\ude00c\"");
    }
}
