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
    void writeWhenWrittenThenVersionTwoWithEveryFieldAndNoId() {
        assertThat(written()).startsWith("{\"v\":2,").contains("\"emailVerified\":true")
                .contains("\"emailRequired\":true").contains("\"riskReasons\":[\"novel-address\",\"under-attack\"]")
                .contains("\"createdAt\":\"2026-11-02T10:00:00.123456789Z\"").doesNotContain(ID);
    }

    @Test
    void readWhenWrittenThenEqualWithTheGivenId() {
        assertThat(PendingLoginJson.read(ID, written().getBytes(UTF_8)))
                .isEqualTo(PendingLoginStoreContract.login(ID));
    }

    @Test
    void readWhenOtherVersionThenRejected() {
        byte[] v3 = written().replace("{\"v\":2,", "{\"v\":3,").getBytes(UTF_8);

        assertThatThrownBy(() -> PendingLoginJson.read(ID, v3)).hasMessageContaining("version 1 or 2");
    }

    /** A replica of the previous release may have written it during a rolling upgrade. */
    @Test
    void readWhenVersionOneThenALoginWithoutRisk() {
        String v1 = written().replace("{\"v\":2,", "{\"v\":1,")
                .replace(",\"emailRequired\":true,\"riskReasons\":[\"novel-address\",\"under-attack\"]", "");

        PendingLogin read = PendingLoginJson.read(ID, v1.getBytes(UTF_8));

        assertThat(read.emailRequired()).isFalse();
        assertThat(read.riskReasons()).isEmpty();
        assertThat(read.username()).isEqualTo(PendingLoginStoreContract.login(ID).username());
        assertThatThrownBy(() -> PendingLoginJson.read(ID, written().replace("{\"v\":2,", "{\"v\":1,")
                .getBytes(UTF_8))).hasMessageContaining("unknown field");
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
