package io.registryguard.gateway.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/** The shared test gateway's SMTP server: a real in-process one (GreenMail), one per JVM. */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static int port() {
        return server().getSmtp().getPort();
    }

    /** The newest one-time code mailed to {@code address} (GreenMail keeps each mailbox in arrival order). */
    public static String lastCode(String address) {
        MimeMessage[] messages = server().getReceivedMessages();
        for (int i = messages.length - 1; i >= 0; i--) {
            try {
                if (messages[i].getAllRecipients()[0].toString().equals(address)
                        && messages[i].getSubject().startsWith("Your code")) {
                    Matcher m = Pattern.compile("\\b(\\d{6,8})\\b").matcher(GreenMailUtil.getBody(messages[i]));
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no code mailed to " + address);
    }
}
