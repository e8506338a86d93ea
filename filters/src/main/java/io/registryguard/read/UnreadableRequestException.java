package io.registryguard.read;

/**
 * A request the guard cannot read with certainty, or can read more than one way. Always a client error (400);
 * the message says what was wrong in words a client developer can act on, and never repeats a field's value.
 */
public final class UnreadableRequestException extends RuntimeException {

    private final String category;

    /**
     * @param category a short stable id for metrics and the audit trail, e.g. {@code content-encoding}
     * @param message  what was wrong, for the client and the log
     */
    UnreadableRequestException(String category, String message) {
        super(message, null, false, false);
        this.category = category;
    }

    public String category() {
        return category;
    }
}
