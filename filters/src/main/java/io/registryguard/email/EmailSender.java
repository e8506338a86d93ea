package io.registryguard.email;

import reactor.core.publisher.Mono;

/**
 * Sends a plain-text mail. Implementations never block the calling thread and fail with
 * {@link EmailSendException} when the mail could not be handed over ("try again later").
 */
public interface EmailSender {

    Mono<Void> send(String to, String subject, String text);
}
