package io.registryguard.gateway.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import io.registryguard.email.EmailSender;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The mailbox page through WebFlux's own dispatching, with and without the demo profile. */
class DevMailboxProfileTests {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebFluxAutoConfiguration.class))
            .withUserConfiguration(MailConfiguration.class, DevMailboxConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void mailboxWhenDemoProfileThenMailsAreKeptAndShown() {
        runner.withPropertyValues("spring.profiles.active=demo").run(context -> {
            EmailSender sender = context.getBean(EmailSender.class);
            assertThat(sender).isInstanceOf(DevMailbox.class);
            sender.send("alice@example.test", "Your code", "    04711234").block();

            WebTestClient.bindToApplicationContext(context).build()
                    .get().uri("/_guard/dev/mailbox").exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).value(html -> assertThat(html).contains("04711234"));
        });
    }

    @Test
    void mailboxWhenNoDemoProfileThenRouteDoesNotExist() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(DevMailbox.class).doesNotHaveBean(DevMailboxConfiguration.class);
            assertThat(context.getBean(EmailSender.class)).isNotInstanceOf(DevMailbox.class);

            WebTestClient.bindToApplicationContext(context).build()
                    .get().uri("/_guard/dev/mailbox").exchange()
                    .expectStatus().isNotFound();
        });
    }
}
