package io.registryguard.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class RiskModelTests {

    @Test
    void reasonOfIdWhenKnownThenReasonAndWhenUnknownThenRejectedNamingIt() {
        assertThat(RiskReason.ofId("username-traversal-ip")).isEqualTo(RiskReason.USERNAME_TRAVERSAL_IP);
        assertThatIllegalArgumentException().isThrownBy(() -> RiskReason.ofId("nope")).withMessageContaining("nope");
    }

    @Test
    void attemptToStringWhenPasswordHashPresentThenHashNotPrinted() {
        String sha1 = "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8";
        LoginAttempt attempt = LoginAttempt.of(Instant.EPOCH, "192.0.2.1", "192.0.2.0/24", "bob")
                .withPasswordSha1(sha1.toLowerCase());

        assertThat(attempt.passwordSha1()).isEqualTo(sha1);
        assertThat(attempt.toString()).doesNotContain(sha1).doesNotContain(sha1.toLowerCase());
    }
}
