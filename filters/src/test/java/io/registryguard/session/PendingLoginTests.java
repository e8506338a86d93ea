package io.registryguard.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The record that holds withheld registry cookies. */
class PendingLoginTests {

    @Test
    void toStringWhenHoldingCookiesAndSecretThenShowsNeitherNorTheId() {
        PendingLogin login = PendingLoginStoreContract.login("pending-id-123");

        assertThat(login.toString()).contains("alice").contains("cookies=2")
                .doesNotContain("s3ss10n-0f-al1ce").doesNotContain("c5rf-0f-al1ce").doesNotContain("session_id")
                .doesNotContain(PendingLoginStoreContract.TOTP_SECRET).doesNotContain("pending-id-123");
    }
}
