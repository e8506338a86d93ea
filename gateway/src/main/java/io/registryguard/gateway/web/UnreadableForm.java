package io.registryguard.gateway.web;

/**
 * A {@code /_guard} form the gateway cannot read with certainty. Its message is a fixed phrase that says what was
 * wrong and never quotes the body, so it is safe to log and to show. Without a stack trace: it is the client's
 * mistake, not ours.
 */
public final class UnreadableForm extends RuntimeException {

    UnreadableForm(String reason) {
        super(reason, null, false, false);
    }
}
