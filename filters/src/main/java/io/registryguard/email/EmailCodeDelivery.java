package io.registryguard.email;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import reactor.core.publisher.Mono;

/**
 * The whole "send me a code" step: look up the address on file, issue a code, mail it. One call for the
 * enrollment and step-up pages.
 */
public final class EmailCodeDelivery {

    /**
     * A code is on its way.
     *
     * @param maskedAddress where it went, safe to show ({@code a***@example.test})
     * @param expiresAt     when it stops working
     */
    public record Sent(String maskedAddress, Instant expiresAt) {
    }

    private final AccountDirectory directory;
    private final EmailVerification verification;
    private final EmailSender sender;

    public EmailCodeDelivery(AccountDirectory directory, EmailVerification verification, EmailSender sender) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.verification = Objects.requireNonNull(verification, "verification");
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    /**
     * Sends a new code to the account's address (replacing any earlier code for the purpose).
     * Empty: no address on file, nothing issued or sent (refuse and point to the operators).
     * Errors: {@link AccountDirectoryException} or {@link EmailSendException}, both "try again later".
     */
    public Mono<Optional<Sent>> send(String account, CodePurpose purpose) {
        return directory.email(account).flatMap(address -> {
            if (address.isEmpty()) {
                return Mono.just(Optional.<Sent>empty());
            }
            String to = address.get();
            return verification.issue(account, purpose).flatMap(issued -> {
                CodeMessage message = CodeMessage.of(account, purpose, issued);
                return sender.send(to, message.subject(), message.text())
                        .thenReturn(Optional.of(new Sent(EmailAddresses.mask(to), issued.expiresAt())));
            });
        });
    }
}
