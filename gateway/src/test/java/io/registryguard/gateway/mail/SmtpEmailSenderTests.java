package io.registryguard.gateway.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.registryguard.email.CodeMessage;
import io.registryguard.email.CodePurpose;
import io.registryguard.email.EmailSendException;
import io.registryguard.email.Issued;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import reactor.test.StepVerifier;

/** Against a real SMTP server in the test (GreenMail), and against servers that are down or mute. */
@ExtendWith(OutputCaptureExtension.class)
class SmtpEmailSenderTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String CODE = "04711234";
    private static final CodeMessage MESSAGE = CodeMessage.of("alice", CodePurpose.ENROLL,
            new Issued(CODE, Instant.parse("2024-03-25T12:10:00Z"), Duration.ofMinutes(10)));

    private static JavaMailSenderImpl javaMail(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        return sender;
    }

    private static SmtpEmailSender sender(JavaMailSenderImpl javaMail) {
        SmtpTimeouts.applyDefaults(javaMail);
        return new SmtpEmailSender(javaMail, "registry-guard@localhost");
    }

    @Test
    void sendWhenServerUpThenCodeArrivesAtTheAddressWithTheSubject() throws Exception {
        SmtpEmailSender sender = sender(javaMail(smtp.getSmtp().getPort()));

        StepVerifier.create(sender.send("alice@example.test", MESSAGE.subject(), MESSAGE.text()))
                .verifyComplete();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("alice@example.test");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("registry-guard@localhost");
        assertThat(mail.getSubject()).isEqualTo("Your code to set up two-factor authentication");
        assertThat(GreenMailUtil.getBody(mail)).contains(CODE).contains("change your password");
        assertThat(mail.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
    }

    @Test
    void sendWhenCalledThenSmtpRunsOnBoundedElasticNotTheCaller() {
        AtomicReference<String> sendingThread = new AtomicReference<>();
        JavaMailSenderImpl recording = new JavaMailSenderImpl() {
            @Override
            protected void doSend(MimeMessage[] messages, Object[] originals) {
                sendingThread.set(Thread.currentThread().getName());
                super.doSend(messages, originals);
            }
        };
        recording.setHost("127.0.0.1");
        recording.setPort(smtp.getSmtp().getPort());

        StepVerifier.create(sender(recording).send("alice@example.test", "s", "t")).verifyComplete();

        assertThat(sendingThread.get()).startsWith("boundedElastic").isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void sendWhenServerDownThenErrorWithoutTheCode(CapturedOutput output) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SmtpEmailSender sender = sender(javaMail(closedPort));

        StepVerifier.create(sender.send("alice@example.test", MESSAGE.subject(), MESSAGE.text()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(EmailSendException.class)
                        .hasMessageContaining("mail server did not take the mail")
                        .hasMessageNotContaining(CODE))
                .verify(Duration.ofSeconds(10));

        assertThat(output.getAll()).contains("Mail to a***@example.test not sent").doesNotContain(CODE)
                .doesNotContain("alice@example.test");
    }

    @Test
    void sendWhenServerAcceptsButNeverAnswersThenTimesOut() throws IOException {
        // The kernel completes the handshake into the backlog; nobody ever sends the SMTP greeting.
        try (ServerSocket mute = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            JavaMailSenderImpl javaMail = javaMail(mute.getLocalPort());
            javaMail.getJavaMailProperties().setProperty("mail.smtp.timeout", "300");
            SmtpEmailSender sender = sender(javaMail);

            long start = System.nanoTime();
            StepVerifier.create(sender.send("alice@example.test", "s", "t"))
                    .expectError(EmailSendException.class)
                    .verify(Duration.ofSeconds(10));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void sendWhenRecipientIsNotOneAddressThenRefusedWithoutConnecting() {
        SmtpEmailSender sender = sender(javaMail(smtp.getSmtp().getPort()));

        StepVerifier.create(sender.send("alice@example.test\r\nBcc: mallory@example.test", "s", "t"))
                .expectError(EmailSendException.class).verify(Duration.ofSeconds(5));
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void applyDefaultsWhenNoTimeoutsThenSetAndConfiguredOnesKept() {
        JavaMailSenderImpl javaMail = javaMail(25);
        javaMail.getJavaMailProperties().setProperty("mail.smtp.timeout", "1234");

        SmtpTimeouts.applyDefaults(javaMail);

        assertThat(javaMail.getJavaMailProperties())
                .containsEntry("mail.smtp.connectiontimeout", "5000")
                .containsEntry("mail.smtp.timeout", "1234")
                .containsEntry("mail.smtp.writetimeout", "10000")
                .containsEntry("mail.smtps.connectiontimeout", "5000");
    }
}
