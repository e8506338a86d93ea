package io.registryguard.gateway.mail;

import java.time.Duration;
import java.util.Properties;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Socket timeouts for SMTP where the operator set none. Jakarta Mail's default is to wait forever: a mail
 * server that accepts the connection and then says nothing would hold a thread per mail for good.
 * {@code spring.mail.properties.mail.smtp.connectiontimeout} / {@code timeout} / {@code writetimeout}
 * (milliseconds) override these.
 */
final class SmtpTimeouts {

    static final Duration CONNECT = Duration.ofSeconds(5);
    static final Duration READ = Duration.ofSeconds(10);
    static final Duration WRITE = Duration.ofSeconds(10);

    private SmtpTimeouts() {
    }

    /** Fills in the timeouts missing from the sender's Jakarta Mail properties (before its first send). */
    static void applyDefaults(JavaMailSenderImpl sender) {
        Properties properties = sender.getJavaMailProperties();
        for (String protocol : new String[] {"smtp", "smtps"}) {
            properties.putIfAbsent("mail." + protocol + ".connectiontimeout", String.valueOf(CONNECT.toMillis()));
            properties.putIfAbsent("mail." + protocol + ".timeout", String.valueOf(READ.toMillis()));
            properties.putIfAbsent("mail." + protocol + ".writetimeout", String.valueOf(WRITE.toMillis()));
        }
        sender.setJavaMailProperties(properties); // drops a session made with the old properties, if any
    }
}
