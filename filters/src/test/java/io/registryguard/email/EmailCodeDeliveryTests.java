package io.registryguard.email;

import io.registryguard.testsupport.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class EmailCodeDeliveryTests {

    private record Mail(String to, String subject, String text) {
    }

    private final MutableClock clock = MutableClock.at("2024-03-25T12:00:00Z");
    private final EmailVerification verification = EmailVerification.create(EmailCodeSettings.defaults(),
            new InMemoryEmailCodeStore(clock), EmailVerification.generateHashKey(), clock);
    private final List<Mail> outbox = new ArrayList<>();
    private final EmailSender recording = (to, subject, text) -> Mono.fromRunnable(
            () -> outbox.add(new Mail(to, subject, text)));
    private final AccountDirectory directory = YamlAccountDirectory.parse("accounts: {alice: alice@example.test}", "t");

    private static String codeIn(String text) {
        Matcher m = Pattern.compile("^ {4}([0-9]{8})$", Pattern.MULTILINE).matcher(text);
        assertThat(m.find()).as("a code line in: %s", text).isTrue();
        return m.group(1);
    }

    @Test
    void sendWhenAddressOnFileThenMailedCodeIsAccepted() {
        var delivery = new EmailCodeDelivery(directory, verification, recording);

        StepVerifier.create(delivery.send("alice", CodePurpose.ENROLL))
                .expectNext(Optional.of(new EmailCodeDelivery.Sent("a***@example.test",
                        Instant.parse("2024-03-25T12:10:00Z"))))
                .verifyComplete();

        assertThat(outbox).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo("alice@example.test");
            assertThat(mail.subject()).isEqualTo("Your code to set up two-factor authentication");
        });
        String code = codeIn(outbox.get(0).text());
        assertThat(verification.check("alice", CodePurpose.ENROLL, code).block()).isEqualTo(CheckResult.accepted());
    }

    @Test
    void sendWhenNoAddressOnFileThenNothingIssuedOrSent() {
        var delivery = new EmailCodeDelivery(directory, verification, recording);

        StepVerifier.create(delivery.send("mallory", CodePurpose.ENROLL)).expectNext(Optional.empty()).verifyComplete();

        assertThat(outbox).isEmpty();
        assertThat(verification.check("mallory", CodePurpose.ENROLL, "12345678").block())
                .isEqualTo(CheckResult.none());
    }

    @Test
    void sendWhenMailFailsThenErrorForTheCaller() {
        EmailSender down = (to, subject, text) -> Mono.error(new EmailSendException("mail server unreachable"));
        var delivery = new EmailCodeDelivery(directory, verification, down);

        StepVerifier.create(delivery.send("alice", CodePurpose.ENROLL)).expectError(EmailSendException.class).verify();
    }

    @Test
    void sendWhenDirectoryFailsThenNoCodeIssued() {
        AccountDirectory broken = account -> Mono.error(new AccountDirectoryException("directory down"));
        var delivery = new EmailCodeDelivery(broken, verification, recording);

        StepVerifier.create(delivery.send("alice", CodePurpose.ENROLL)).expectError(AccountDirectoryException.class)
                .verify();
        assertThat(outbox).isEmpty();
        assertThat(verification.check("alice", CodePurpose.ENROLL, "12345678").block()).isEqualTo(CheckResult.none());
    }
}
