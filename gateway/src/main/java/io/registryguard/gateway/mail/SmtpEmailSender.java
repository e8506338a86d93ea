package io.registryguard.gateway.mail;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import io.registryguard.email.EmailAddresses;
import io.registryguard.email.EmailSendException;
import io.registryguard.email.EmailSender;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * {@link EmailSender} over SMTP with Spring's {@link JavaMailSender}. The SMTP exchange blocks, so it runs on
 * {@link Schedulers#boundedElastic()}, never on a request thread. Failures become {@link EmailSendException}
 * and one log line naming the masked recipient and the cause, never the text (it holds a code).
 *
 * <p>A {@link MimeMessage}, not a {@code SimpleMailMessage}: the latter's {@code toString()}, which Spring
 * puts into {@code MailSendException}'s message, prints the text.
 */
final class SmtpEmailSender implements EmailSender {

    private static final Logger log = LoggerFactory.getLogger(SmtpEmailSender.class);

    private final JavaMailSender mail;
    private final String from;
    private final Scheduler scheduler;

    SmtpEmailSender(JavaMailSender mail, String from) {
        this(mail, from, Schedulers.boundedElastic());
    }

    SmtpEmailSender(JavaMailSender mail, String from, Scheduler scheduler) {
        this.mail = Objects.requireNonNull(mail, "mail");
        this.from = Objects.requireNonNull(from, "from");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    @Override
    public Mono<Void> send(String to, String subject, String text) {
        if (!EmailAddresses.isPlausible(to)) {
            return Mono.error(new EmailSendException("not a single recipient address: " + EmailAddresses.mask(to)));
        }
        return Mono.<Void>fromRunnable(() -> mail.send(message(to, subject, text)))
                .subscribeOn(scheduler)
                .onErrorMap(e -> !(e instanceof EmailSendException), e -> failure(to, e));
    }

    private MimeMessage message(String to, String subject, String text) {
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, false);
        } catch (MessagingException e) {
            throw new EmailSendException("mail to " + EmailAddresses.mask(to) + " could not be built: "
                    + e.getClass().getSimpleName());
        }
        return message;
    }

    private EmailSendException failure(String to, Throwable e) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
        String reason = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        log.warn("Mail to {} not sent: {}", EmailAddresses.mask(to), reason);
        return new EmailSendException("mail server did not take the mail (" + reason + ")", e);
    }
}
