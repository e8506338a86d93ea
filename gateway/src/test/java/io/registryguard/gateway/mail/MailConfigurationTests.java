package io.registryguard.gateway.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.registryguard.email.EmailSendException;
import io.registryguard.email.EmailSender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import reactor.test.StepVerifier;

/** Only the mail configuration and Boot's mail auto-configuration: which sender the properties give. */
class MailConfigurationTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
            .withUserConfiguration(MailConfiguration.class, DevMailboxConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void senderWhenSpringMailHostSetThenMailsGoThereFromGuardMailFrom() {
        runner.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.getSmtp().getPort(),
                "spring.mail.properties.mail.smtp.timeout=2000", "guard.mail.from=guard@registry.test")
                .run(context -> {
                    EmailSender sender = context.getBean(EmailSender.class);
                    assertThat(sender).isInstanceOf(SmtpEmailSender.class);

                    StepVerifier.create(sender.send("bob@example.test", "Subject", "Text"))
                            .verifyComplete();

                    assertThat(smtp.getReceivedMessages()).singleElement().satisfies(mail -> {
                        assertThat(mail.getFrom()[0]).hasToString("guard@registry.test");
                        assertThat(mail.getAllRecipients()[0]).hasToString("bob@example.test");
                    });
                    assertThat(context.getBean(JavaMailSenderImpl.class).getJavaMailProperties())
                            .containsEntry("mail.smtp.timeout", "2000")
                            .containsEntry("mail.smtp.connectiontimeout", "5000");
                });
    }

    @Test
    void senderWhenNoSmtpServerConfiguredThenSendsFailNamingTheVariable() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(JavaMailSenderImpl.class);
            assertThat(context.getBean(GuardMailProperties.class).from()).isEqualTo("registry-guard@localhost");

            StepVerifier.create(context.getBean(EmailSender.class).send("bob@example.test", "s", "t"))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(EmailSendException.class)
                            .hasMessageContaining("SPRING_MAIL_HOST"))
                    .verify(Duration.ofSeconds(5));
        });
    }

    @Test
    void startWhenFromIsNotAnAddressThenFailsNamingTheKey() {
        runner.withPropertyValues("guard.mail.from=registry guard").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("guard.mail.from"));
    }
}
