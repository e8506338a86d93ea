package io.registryguard.sequence;

import java.time.Instant;
import java.util.Optional;

import reactor.core.publisher.Mono;

/**
 * When an account was created. Warehouse publishes no creation date the gateway could read, so the built-in
 * {@link #unknown()} knows none, and the rule that asks treats an unknown age as its policy says
 * ({@code unknown-age-is-young}, true by default: a takeover's fresh account is exactly the one nobody knows). A
 * registry-backed implementation (an admin API, a database view) can be plugged in later.
 */
@FunctionalInterface
public interface AccountAges {

    /** The account's creation time, or empty when unknown. An error when the source cannot answer. */
    Mono<Optional<Instant>> createdAt(String account);

    /** Knows no account's age. */
    static AccountAges unknown() {
        return account -> Mono.just(Optional.empty());
    }
}
