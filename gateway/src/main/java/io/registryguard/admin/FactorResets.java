package io.registryguard.admin;

import io.registryguard.email.AccountDirectory;
import io.registryguard.email.EmailSender;
import io.registryguard.mfa.SecondFactorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** An operator removes an account's factors (lost phone and codes); the account's address is told at once. */
final class FactorResets {

    private static final Logger log = LoggerFactory.getLogger(FactorResets.class);

    private final SecondFactorService factors;
    private final AccountDirectory directory;
    private final EmailSender mail;

    FactorResets(SecondFactorService factors, AccountDirectory directory, EmailSender mail) {
        this.factors = factors;
        this.directory = directory;
        this.mail = mail;
    }

    Mono<Void> reset(String account) {
        String text = "The registry's operators removed the second factors of your account \"" + account + "\".\n\n"
                + "At your next sign-in you will confirm your email address and set up a new authenticator. If you did"
                + " not ask for this, contact the operators now.\n";
        return factors.reset(account).then(directory.email(account)
                .flatMap(address -> address.isEmpty() ? Mono.<Void>empty()
                        : mail.send(address.get(), "Your two-factor authentication was reset", text))
                .onErrorResume(e -> {
                    log.warn("Factors of {} were reset, but the notification failed ({})", account, e.toString());
                    return Mono.empty();
                }));
    }
}
