package io.registryguard.risk;

import java.time.Instant;

import reactor.core.publisher.Mono;

/** Per-account login history for the novelty signal. Only successful logins are recorded. */
public interface AccountHistory {

    /** The account's profile; {@link AccountProfile#UNKNOWN} when there is none. */
    Mono<AccountProfile> profile(String username);

    Mono<Void> recordSuccess(String username, String subnet, String agentFamily, Instant time);
}
