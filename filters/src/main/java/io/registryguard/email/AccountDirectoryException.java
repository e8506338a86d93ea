package io.registryguard.email;

/**
 * The account directory could not answer (unreachable, slow, unexpected answer). Nothing the user did: show
 * "try again later". The message names the account and the cause, never the address.
 */
public class AccountDirectoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccountDirectoryException(String message) {
        super(message);
    }

    public AccountDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
