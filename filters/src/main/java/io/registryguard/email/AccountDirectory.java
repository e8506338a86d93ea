package io.registryguard.email;

import java.util.Optional;

import reactor.core.publisher.Mono;

/** Where the gateway learns an account's email address on file. */
public interface AccountDirectory {

    /**
     * The address on file, or empty for an unknown account or one without an address (the caller then
     * refuses enrollment and tells the user to contact the operators). Fails with
     * {@link AccountDirectoryException} when the directory cannot answer now ("try again later").
     */
    Mono<Optional<String>> email(String account);
}
