package io.registryguard.session;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import io.lettuce.core.api.StatefulRedisConnection;
import reactor.core.publisher.Mono;

/** The run-time frozen accounts as one Redis set, {@code guard:frozen}; never expires. */
public final class RedisFrozenAccountsStore implements FrozenAccountsStore {

    static final byte[] KEY = "guard:frozen".getBytes(StandardCharsets.UTF_8);

    private final StatefulRedisConnection<byte[], byte[]> connection;

    public RedisFrozenAccountsStore(StatefulRedisConnection<byte[], byte[]> connection) {
        this.connection = connection;
    }

    @Override
    public Mono<Void> add(String account) {
        return Mono.fromCompletionStage(() -> connection.async().sadd(KEY, bytes(account))).then();
    }

    @Override
    public Mono<Void> remove(String account) {
        return Mono.fromCompletionStage(() -> connection.async().srem(KEY, bytes(account))).then();
    }

    @Override
    public Mono<Set<String>> all() {
        return Mono.fromCompletionStage(() -> connection.async().smembers(KEY)).map(members -> {
            Set<String> accounts = new HashSet<>();
            members.forEach(m -> accounts.add(new String(m, StandardCharsets.UTF_8)));
            return accounts;
        });
    }

    private static byte[] bytes(String account) {
        return account.getBytes(StandardCharsets.UTF_8);
    }
}
