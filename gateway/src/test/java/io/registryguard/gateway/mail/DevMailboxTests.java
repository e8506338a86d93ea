package io.registryguard.gateway.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.registryguard.email.EmailSendException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

class DevMailboxTests {

    private final DevMailbox mailbox = new DevMailbox("registry-guard@localhost",
            Clock.fixed(Instant.parse("2024-03-25T12:00:00Z"), ZoneOffset.UTC));

    private final WebTestClient client = WebTestClient.bindToRouterFunction(DevMailboxPage.route(mailbox)).build();

    @Test
    void sendWhenMoreThanFiftyThenLastFiftyNewestFirst() {
        for (int i = 1; i <= 52; i++) {
            mailbox.send("u" + i + "@example.test", "mail " + i, "text").block();
        }

        assertThat(mailbox.mails()).hasSize(50);
        assertThat(mailbox.mails().get(0).subject()).isEqualTo("mail 52");
        assertThat(mailbox.mails().get(49).subject()).isEqualTo("mail 3");
    }

    @Test
    void sendWhenRecipientIsNotOneAddressThenRefusedAndNotKept() {
        StepVerifier.create(mailbox.send("a@example.test\nBcc: b@example.test", "s", "t"))
                .expectError(EmailSendException.class).verify();

        assertThat(mailbox.mails()).isEmpty();
    }

    @Test
    void pageWhenMailsKeptThenListedEscapedAndNeverCached() {
        mailbox.send("alice@example.test", "Your code <script>alert(1)</script>", "    04711234\n& more").block();

        client.get().uri("/_guard/dev/mailbox").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("alice@example.test")
                        .contains("Your code &lt;script&gt;alert(1)&lt;/script&gt;")
                        .doesNotContain("<script>")
                        .contains("    04711234\n&amp; more")
                        .contains("2024-03-25 12:00:00 UTC")
                        .doesNotContain("src=").doesNotContain("href=").doesNotContain("http"));
    }

    @Test
    void pageWhenNoMailThenSaysSo() {
        client.get().uri("/_guard/dev/mailbox").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains("No mail yet."));
    }

    @Test
    void mailWhenPrintedThenTextAndAddressHidden() {
        mailbox.send("alice@example.test", "s", "04711234").block();

        assertThat(mailbox.mails().get(0).toString()).doesNotContain("04711234").doesNotContain("alice@");
    }
}
