package io.registryguard.mfa;

/**
 * A stored factor secret could not be opened: malformed, sealed with a key the ring no longer holds, or
 * altered (including moved to another account). Never garbage instead: the message says which, and
 * never contains key or secret material.
 */
public class FactorDecryptionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FactorDecryptionException(String message) {
        super(message);
    }
}
