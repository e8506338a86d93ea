package io.registryguard.sequence;

import reactor.core.publisher.Mono;

/** Tells the account's owner when a sequence rule fired on their account (the gateway mails them). */
public interface SequenceAlerts {

    SequenceAlerts NONE = (event, decision) -> Mono.empty();

    Mono<Void> fired(SensitiveEvent event, SequenceDecision decision);
}
