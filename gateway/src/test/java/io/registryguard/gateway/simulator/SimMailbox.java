package io.registryguard.gateway.simulator;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The users' inboxes: a real SMTP server (GreenMail) the gateway sends its one-time codes to. Legitimate users read
 * their own codes here; attackers never do (the 2024 attackers had passwords, not mailboxes).
 */
final class SimMailbox implements AutoCloseable {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6,8})\\b");

    private final GreenMail server;

    private SimMailbox(GreenMail server) {
        this.server = server;
    }

    static SimMailbox start() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        return new SimMailbox(server);
    }

    int smtpPort() {
        return server.getSmtp().getPort();
    }

    /** The newest one-time code mailed to {@code address}, if any. */
    Optional<String> latestCode(String address) {
        MimeMessage[] messages = server.getReceivedMessages();
        for (int i = messages.length - 1; i >= 0; i--) {
            try {
                if (messages[i].getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
                    Matcher m = CODE.matcher(GreenMailUtil.getBody(messages[i]));
                    if (m.find()) {
                        return Optional.of(m.group(1));
                    }
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return Optional.empty();
    }

    /** Mails delivered so far (codes the gateway sent). */
    int delivered() {
        return server.getReceivedMessages().length;
    }

    @Override
    public void close() {
        server.stop();
    }
}
