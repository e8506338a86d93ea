package io.registryguard.gateway.sequence;

import io.registryguard.email.AccountDirectory;
import io.registryguard.email.EmailSender;
import io.registryguard.sequence.SensitiveEvent;
import io.registryguard.sequence.SequenceAlerts;
import io.registryguard.sequence.SequenceDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Mails the accounts concerned when a sequence rule fired: the one that acted and the one acted upon (a removed
 * owner), each at its address on file, so the real owner learns of it at once even when the actor is an intruder.
 */
final class SequenceMail implements SequenceAlerts {

    private static final Logger log = LoggerFactory.getLogger(SequenceMail.class);

    private final AccountDirectory directory;
    private final EmailSender mail;

    SequenceMail(AccountDirectory directory, EmailSender mail) {
        this.directory = directory;
        this.mail = mail;
    }

    @Override
    public Mono<Void> fired(SensitiveEvent event, SequenceDecision decision) {
        String what = decision instanceof SequenceDecision.Denied ? "was blocked" : "needed an extra confirmation";
        String text = "An action by the account \"" + event.actor() + "\" " + what + " because it followed other"
                + " account changes closely, the way account takeovers do:\n\n  " + event.kind()
                + (event.project() == null ? "" : " on project " + event.project()) + " at " + event.time()
                + "\n\nIf this was you, you can ask the registry's operators to let it through. If it was not, change"
                + " your password now and review your projects' collaborators.\n";
        java.util.Set<String> accounts = new java.util.LinkedHashSet<>();
        accounts.add(event.actor());
        if (event.target() != null) {
            accounts.add(event.target());
        }
        return reactor.core.publisher.Flux.fromIterable(accounts).concatMap(account -> directory.email(account)
                .flatMap(address -> address.isEmpty() ? Mono.<Void>empty()
                        : mail.send(address.get(), "A sensitive action on your account " + what, text))
                .onErrorResume(e -> {
                    log.warn("Could not notify {} of a sequence rule ({})", account, e.toString());
                    return Mono.empty();
                })).then();
    }
}
