package io.registryguard.email;

import java.time.Instant;

import reactor.core.publisher.Mono;

/**
 * Where one-time email codes are kept, one slot per {@link CodeKey}. Every operation is atomic for its key
 * and is meant to be a single Redis step (one command or one Lua script), so replicas sharing a Redis never
 * see a half-done update and concurrent guesses each use up a try.
 *
 * <p>Redis layout (for the Redis implementation): key {@link CodeKey#redisKey()}
 * ({@code guard:{alice}:email-code:enroll}), a hash with fields {@code h} (the 32-byte hash), {@code e}
 * ({@code expiresAt}, epoch millis) and {@code t} ({@code triesLeft}), expiring at {@code forgetAt}
 * ({@code PEXPIREAT}). The caller's clock is passed in ({@code now}), not Redis's {@code TIME}.
 *
 * <p>The comparison of the input with the hash is not the store's business: {@link #reserveTry} uses up a try
 * and hands the hash out; the caller compares in constant time and, on a match, calls {@link #consume}.
 */
public interface EmailCodeStore {

    /**
     * Stores a code, replacing whatever the key held (tries included).
     * Redis: {@code DEL} + {@code HSET} + {@code PEXPIREAT} in one script (or {@code MULTI}).
     */
    Mono<Void> put(CodeKey key, StoredCode code);

    /**
     * Uses up one try of the code under the key, if it has any.
     * Redis, one script: no key → NONE; {@code now >= e} → EXPIRED; {@code t <= 0} → BURNED; otherwise
     * {@code HINCRBY t -1} and return {@code h} and the new {@code t} → RESERVED.
     */
    Mono<TryReservation> reserveTry(CodeKey key, Instant now);

    /**
     * Removes the code if the key still holds exactly this hash, so a code is accepted once and a code
     * replaced meanwhile by a new one is not removed. Emits whether it removed anything.
     * Redis, one script: {@code if HGET h == ARGV then DEL}. That comparison need not be constant-time: the
     * hash it gets has already matched the input in constant time; no guess reaches it.
     */
    Mono<Boolean> consume(CodeKey key, byte[] hash);
}
