package io.registryguard.session;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The plaintext format of a sealed pending login: every field named, read strictly, errors without values. */
class PendingLoginJsonTests {

    private static final String ID = "pending-id";

    private static String written() {
        return new String(PendingLoginJson.write(PendingLoginStoreContract.login(ID)), UTF_8);
    }

    @Test
    void writeWhenWrittenThenVersionOneWithEveryFieldAndNoId() {
        assertThat(written()).startsWith("{\"v\":1,").contains("\"emailVerified\":true")
                .contains("\"createdAt\":\"2026-11-02T10:00:00.123456789Z\"").doesNotContain(ID);
    }

    @Test
    void readWhenWrittenThenEqualWithTheGivenId() {
        assertThat(PendingLoginJson.read(ID, written().getBytes(UTF_8)))
                .isEqualTo(PendingLoginStoreContract.login(ID));
    }

    @Test
    void readWhenOtherVersionThenRejected() {
        byte[] v2 = written().replace("{\"v\":1,", "{\"v\":2,").getBytes(UTF_8);

        assertThatThrownBy(() -> PendingLoginJson.read(ID, v2)).hasMessageContaining("version 1");
    }

    @Test
    void readWhenFieldMissingOrUnknownOrMistypedThenRejectedWithoutQuotingValues() {
        String json = written();
        assertThatThrownBy(() -> PendingLoginJson.read(ID, json.replace("\"next\":", "\"nxt\":").getBytes(UTF_8)))
                .hasMessageContaining("unknown field");
        assertThatThrownBy(() -> PendingLoginJson.read(ID, json.replace("\"emailVerified\":true", "\"emailVerified\":1")
                .getBytes(UTF_8))).hasMessageContaining("emailVerified");
        assertThatThrownBy(() -> PendingLoginJson.read(ID, "{\"v\":1}".getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PendingLoginJson.read(ID, json.replace("2026-11-02T", "x2026-11-02T").getBytes(UTF_8)))
                .hasMessageContaining("createdAt").hasMessageNotContaining("x2026");
        assertThatThrownBy(() -> PendingLoginJson.read(ID, (json + "s3ss10n").getBytes(UTF_8)))
                .hasMessageContaining("not valid JSON").hasMessageNotContaining("s3ss10n");
    }
}
