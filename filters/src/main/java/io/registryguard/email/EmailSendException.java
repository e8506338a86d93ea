package io.registryguard.email;

/**
 * A mail could not be handed to the mail server. Show "try again later". The message never contains the
 * mail's text (it may hold a code).
 */
public class EmailSendException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmailSendException(String message) {
        super(message);
    }

    public EmailSendException(String message, Throwable cause) {
        super(message, cause);
    }
}
