package io.registryguard.gateway.mail;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Profile {@code demo}: mail goes to the in-memory {@link DevMailbox}, shown at {@code /_guard/dev/mailbox},
 * whatever {@code spring.mail.*} says. Without the profile neither the mailbox nor its route exists.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@EnableConfigurationProperties(GuardMailProperties.class)
class DevMailboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevMailboxConfiguration.class);

    /** The {@code EmailSender} of the demo (same bean name as outside it). */
    @Bean
    DevMailbox emailSender(GuardMailProperties properties, Clock clock) {
        log.warn("DEMO profile: mail is not sent but kept in memory, readable by anyone at {}", DevMailboxPage.PATH);
        return new DevMailbox(properties.from(), clock);
    }

    @Bean
    RouterFunction<ServerResponse> devMailboxRoute(DevMailbox mailbox) {
        return DevMailboxPage.route(mailbox);
    }
}
