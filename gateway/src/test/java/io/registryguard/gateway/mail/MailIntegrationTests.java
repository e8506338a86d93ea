package io.registryguard.gateway.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.registryguard.email.EmailSender;
import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole gateway (shared context, no demo profile, no SMTP server configured). */
@GatewayIntegrationTest
class MailIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    EmailSender sender;

    @Test
    void gatewayWhenNotDemoThenNoMailboxPage() {
        GatewayClients.https(port).get().uri("/_guard/dev/mailbox").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void gatewayWhenSmtpServerConfiguredThenTheSmtpSender() {
        // the shared test gateway mails through GreenMail (TestMail); without spring.mail.host it would refuse
        assertThat(sender).isInstanceOf(SmtpEmailSender.class);
    }
}
