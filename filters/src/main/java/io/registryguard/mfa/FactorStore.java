package io.registryguard.mfa;

import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * Where enrolled factors live. Every operation is a single atomic step, so two replicas verifying the
 * same code at the same moment cannot both win.
 * <p>
 * Redis layout (for the Redis implementation): the hash {@code guard:{account}:factors} with fields
 * {@code secret}, {@code step} and {@code enrolled_at}, and the set {@code guard:{account}:recovery} of
 * code hashes. The hash tag {@code {account}} puts both keys in one Redis Cluster slot, which
 * multi-key scripts and {@code DEL} need (Warehouse user names cannot contain braces).
 * <ul>
 * <li>{@link #find}: one Lua script (or {@code MULTI} of {@code HGETALL} + {@code SMEMBERS}).</li>
 * <li>{@link #save}: one Lua script (or {@code MULTI}): {@code DEL} both keys, {@code HSET}, {@code SADD}.</li>
 * <li>{@link #consumeRecoveryCode}: {@code SREM guard:{account}:recovery <hash>}; 1 means consumed.</li>
 * <li>{@link #advanceTotpStep}: a Lua script: read {@code step} with {@code HGET}, {@code HSET} the new
 * step and return 1 only when the key exists and the new step is greater, else return 0.</li>
 * <li>{@link #replaceRecoveryCodes}: a Lua script: when the factors hash {@code EXISTS}, {@code DEL} the
 * set and {@code SADD} the new hashes, return 1; else 0.</li>
 * <li>{@link #delete}: {@code DEL} both keys in one command.</li>
 * </ul>
 * Factors must not be lost: production Redis runs with AOF.
 */
public interface FactorStore {

    /** The account's factors; empty when it has none. */
    Mono<EnrolledFactors> find(String account);

    /** Stores the factors, replacing everything the account had. */
    Mono<Void> save(EnrolledFactors factors);

    /**
     * Removes one recovery code by its hash.
     *
     * @return true for exactly one caller per code: the one that removed it
     */
    Mono<Boolean> consumeRecoveryCode(String account, String codeHash);

    /**
     * Compare-and-set of the last used TOTP step: succeeds only when the account is enrolled and
     * {@code step} is greater than the step stored, which it then becomes.
     *
     * @return true when this call advanced the step
     */
    Mono<Boolean> advanceTotpStep(String account, long step);

    /**
     * Replaces all recovery code hashes, leaving the TOTP secret and step alone (a whole
     * {@link #save} here could roll back a step advanced meanwhile and reopen a used code).
     *
     * @return false when the account has no factors
     */
    Mono<Boolean> replaceRecoveryCodes(String account, Set<String> codeHashes);

    /** Forgets the account's factors; nothing happens when there are none. */
    Mono<Void> delete(String account);
}
