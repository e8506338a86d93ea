package io.registryguard.gateway.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.GatewayIntegrationTest;
import io.registryguard.gateway.support.TestMail;
import io.registryguard.gateway.support.Totps;
import io.registryguard.mfa.SecondFactorService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Operators reset an account's factors and read the running policy through the admin API. */
@GatewayIntegrationTest
class AdminFactorsIntegrationTests {

    @LocalManagementPort
    int managementPort;

    @Autowired
    SecondFactorService factors;

    @Test
    void resetWhenAccountHasFactorsThenGoneAndTheAccountIsMailedAndTheActionAudited() throws Exception {
        var provisioning = factors.enrollTotp("carol");
        factors.confirmTotp("carol", provisioning.secret(), Totps.code(provisioning.secret().base32(), Instant.now()))
                .block();
        long mails = resetMailsTo("carol@example.test");

        GatewayClients.http(managementPort).post().uri("/admin/factors/reset")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + GatewayIntegrationTest.ADMIN_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"account\":\"Carol\"}").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.reset").isEqualTo("carol");

        assertThat(factors.hasFactor("carol").block()).isFalse();
        assertThat(resetMailsTo("carol@example.test")).isEqualTo(mails + 1);
        GatewayClients.http(managementPort).get().uri("/admin/audit?account=carol")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + GatewayIntegrationTest.ADMIN_TOKEN).exchange()
                .expectBody(String.class).value(body -> assertThat(body).contains("reset-by-admin"));
    }

    /** Reset notices GreenMail holds for {@code address} (its message order is per mailbox, not by time). */
    private static long resetMailsTo(String address) throws Exception {
        long count = 0;
        for (var message : TestMail.server().getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)
                    && "Your two-factor authentication was reset".equals(message.getSubject())) {
                count++;
            }
        }
        return count;
    }

    @Test
    void resetWhenNoTokenThenUnauthorizedAndNothingChanges() {
        GatewayClients.http(managementPort).post().uri("/admin/factors/reset")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"account\":\"alice\"}").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void policyWhenReadThenRunningVersionAndHash() {
        GatewayClients.http(managementPort).get().uri("/admin/policy")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + GatewayIntegrationTest.ADMIN_TOKEN).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo("warehouse-1")
                .jsonPath("$.sha256").value(h -> assertThat((String) h).matches("[0-9a-f]{64}"));
    }
}
