package io.registryguard.gateway.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.registryguard.email.EmailAddresses;
import io.registryguard.email.EmailSendException;
import io.registryguard.email.EmailSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The demo's mail server: keeps the last {@value #CAPACITY} mails in memory for the
 * {@code /_guard/dev/mailbox} page instead of sending them. Profile {@code demo} only: it shows every code
 * to whoever can reach the gateway.
 */
final class DevMailbox implements EmailSender {

    static final int CAPACITY = 50;

    /** One kept mail. {@link #toString()} hides the text. */
    record Mail(Instant at, String from, String to, String subject, String text) {
        @Override
        public String toString() {
            return "Mail[at=" + at + ", to=" + EmailAddresses.mask(to) + ", subject=" + subject + ", text=(hidden)]";
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DevMailbox.class);

    private final String from;
    private final Clock clock;
    private final Deque<Mail> newestFirst = new ArrayDeque<>();

    DevMailbox(String from, Clock clock) {
        this.from = from;
        this.clock = clock;
    }

    @Override
    public Mono<Void> send(String to, String subject, String text) {
        return Mono.fromRunnable(() -> {
            if (!EmailAddresses.isPlausible(to)) { // as the SMTP sender would
                throw new EmailSendException("not a single recipient address: " + EmailAddresses.mask(to));
            }
            synchronized (newestFirst) {
                newestFirst.addFirst(new Mail(clock.instant(), from, to, subject, text));
                while (newestFirst.size() > CAPACITY) {
                    newestFirst.removeLast();
                }
            }
            log.info("DEMO mailbox: mail to {} kept, see /_guard/dev/mailbox", EmailAddresses.mask(to));
        });
    }

    /** The kept mails, newest first. */
    List<Mail> mails() {
        synchronized (newestFirst) {
            return List.copyOf(newestFirst);
        }
    }
}
