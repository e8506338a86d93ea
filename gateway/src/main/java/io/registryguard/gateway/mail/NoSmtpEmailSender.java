package io.registryguard.gateway.mail;

import io.registryguard.email.EmailSendException;
import io.registryguard.email.EmailSender;
import reactor.core.publisher.Mono;

/**
 * Stands in when no SMTP server is configured: every send fails with a message saying which variable to
 * set. The gateway still starts (it also guards accounts that never need a mail); users who would need a
 * code are told to try later, and the start-up log said why.
 */
final class NoSmtpEmailSender implements EmailSender {

    static final String MESSAGE = "no SMTP server configured (set SPRING_MAIL_HOST, or spring.mail.host)";

    @Override
    public Mono<Void> send(String to, String subject, String text) {
        return Mono.error(new EmailSendException(MESSAGE));
    }
}
