package io.registryguard.gateway.mail;

import io.registryguard.email.EmailSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The one {@link EmailSender} outside the demo: SMTP through Spring Boot's {@link JavaMailSender} (which
 * Boot creates when {@code spring.mail.host} is set), or, without a server, a sender that refuses.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!demo")
@EnableConfigurationProperties(GuardMailProperties.class)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    EmailSender emailSender(ObjectProvider<JavaMailSender> smtp, GuardMailProperties properties) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            log.warn("No SMTP server configured: email codes cannot be sent, so accounts without a second factor"
                    + " cannot enroll one. Set SPRING_MAIL_HOST (and SPRING_MAIL_PORT, _USERNAME, _PASSWORD).");
            return new NoSmtpEmailSender();
        }
        if (sender instanceof JavaMailSenderImpl impl) {
            SmtpTimeouts.applyDefaults(impl);
            log.info("Mail via SMTP {}:{} from {}", impl.getHost(), impl.getPort(), properties.from());
        }
        return new SmtpEmailSender(sender, properties.from());
    }
}
