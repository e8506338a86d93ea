package io.registryguard.mfa;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import reactor.core.publisher.Mono;

/**
 * {@link FactorStore} in Redis, shared by every replica. Per account, both keys in one Cluster slot:
 * <pre>
 * guard:{&lt;account&gt;}:factors   hash: secret (the sealed text), step (the last accepted TOTP step, decimal),
 *                             enrolled_at (ISO-8601, to the nanosecond, so a saved record reads back equal)
 * guard:{&lt;account&gt;}:recovery  set: the unused recovery codes' SHA-256 hashes, lowercase hex
 * </pre>
 * No TTL: factors are data that must not be lost (the chart runs Redis with AOF). Each operation is one
 * command or one {@link FactorScripts script}, so two replicas checking one code cannot both accept it.
 * {@code SREM} compares a recovery code hash in non-constant time; what it compares is a SHA-256 of an
 * 80-bit random code, so its timing tells an attacker nothing they could use.
 *
 * <p>On a Redis error (unreachable, timed out: the connection's command timeout bounds the wait) every
 * operation emits that error. Callers fail closed: a code that could not be checked is refused with "try
 * again later", never accepted; an enrollment or reset that could not be written is not reported done.
 */
public final class RedisFactorStore implements FactorStore {

    private final RedisAsyncCommands<byte[], byte[]> redis;

    /** @param connection the shared Lettuce connection ({@code RateLimitRedis.connection()}) */
    public RedisFactorStore(StatefulRedisConnection<byte[], byte[]> connection) {
        this.redis = Objects.requireNonNull(connection, "connection").async();
    }

    @Override
    public Mono<EnrolledFactors> find(String account) {
        return Mono.defer(() -> FactorScripts.FIND.<List<Object>>run(redis, ScriptOutputType.MULTI, keys(account))
                .filter(reply -> !reply.isEmpty())
                .map(reply -> parse(account, reply)));
    }

    @Override
    public Mono<Void> save(EnrolledFactors factors) {
        Objects.requireNonNull(factors, "factors");
        return Mono.defer(() -> {
            byte[][] args = new byte[3 + factors.recoveryCodeHashes().size()][];
            args[0] = factors.encryptedTotpSecret().getBytes(UTF_8);
            args[1] = decimal(factors.lastTotpStep());
            args[2] = factors.enrolledAt().toString().getBytes(UTF_8);
            int i = 3;
            for (String hash : factors.recoveryCodeHashes()) {
                args[i++] = hash.getBytes(UTF_8);
            }
            return FactorScripts.SAVE.<Long>run(redis, ScriptOutputType.INTEGER, keys(factors.account()), args);
        }).then();
    }

    @Override
    public Mono<Boolean> consumeRecoveryCode(String account, String codeHash) {
        Objects.requireNonNull(codeHash, "codeHash");
        return Mono.fromCompletionStage(() -> redis.srem(recoveryKey(account), codeHash.getBytes(UTF_8)))
                .map(removed -> removed == 1L);
    }

    @Override
    public Mono<Boolean> advanceTotpStep(String account, long step) {
        if (step < 0) {
            return Mono.just(false); // never greater than a stored step; keeps the script's decimals unsigned
        }
        return Mono.defer(() -> FactorScripts.ADVANCE_STEP
                .<Long>run(redis, ScriptOutputType.INTEGER, new byte[][] {factorsKey(account)}, decimal(step))
                .map(advanced -> advanced == 1L));
    }

    @Override
    public Mono<Boolean> replaceRecoveryCodes(String account, Set<String> codeHashes) {
        Set<String> hashes = Set.copyOf(Objects.requireNonNull(codeHashes, "codeHashes"));
        for (String hash : hashes) {
            if (!RecoveryCodeHash.isHash(hash)) {
                return Mono.error(new IllegalArgumentException(
                        "recoveryCodeHashes must be lowercase hex SHA-256 digests"));
            }
        }
        return Mono.defer(() -> FactorScripts.REPLACE_RECOVERY
                .<Long>run(redis, ScriptOutputType.INTEGER, keys(account),
                        hashes.stream().map(hash -> hash.getBytes(UTF_8)).toArray(byte[][]::new))
                .map(replaced -> replaced == 1L));
    }

    @Override
    public Mono<Void> delete(String account) {
        return Mono.fromCompletionStage(() -> redis.del(keys(account))).then();
    }

    static byte[] factorsKey(String account) {
        return ("guard:{" + Objects.requireNonNull(account, "account") + "}:factors").getBytes(UTF_8);
    }

    static byte[] recoveryKey(String account) {
        return ("guard:{" + Objects.requireNonNull(account, "account") + "}:recovery").getBytes(UTF_8);
    }

    private static byte[][] keys(String account) {
        return new byte[][] {factorsKey(account), recoveryKey(account)};
    }

    private static byte[] decimal(long value) {
        return Long.toString(value).getBytes(UTF_8);
    }

    /** The find script's reply: secret, step, enrolled_at, then the list of code hashes. */
    private static EnrolledFactors parse(String account, List<Object> reply) {
        if (reply.size() != 4 || reply.get(0) == null || reply.get(1) == null || reply.get(2) == null) {
            // Every write sets all three fields at once; a hash missing one was not written by this store.
            throw new IllegalStateException("the factors hash of account " + account + " is incomplete");
        }
        Set<String> hashes = new HashSet<>();
        for (Object hash : (List<?>) reply.get(3)) {
            hashes.add(new String((byte[]) hash, UTF_8));
        }
        return new EnrolledFactors(account, text(reply.get(0)), Long.parseLong(text(reply.get(1))),
                hashes, Instant.parse(text(reply.get(2))));
    }

    private static String text(Object bulk) {
        return new String((byte[]) bulk, UTF_8);
    }
}
