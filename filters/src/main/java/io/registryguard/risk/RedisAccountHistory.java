package io.registryguard.risk;

import io.registryguard.policy.risk.NoveltySettings;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.registryguard.redis.LuaScript;
import reactor.core.publisher.Mono;

/**
 * Account history in one Redis hash per account ({@code guard:risk:account:{<username>}}): {@code last} the last
 * successful login (epoch ms), {@code s:<subnet>} and {@code u:<family>} when each was last used. The key
 * expires {@code retention} after the last login; beyond {@code maxEntries} of a kind the least recently used
 * entry is dropped.
 */
public final class RedisAccountHistory implements AccountHistory {

    private static final LuaScript RECORD = LuaScript.of("""
            local now = tonumber(ARGV[3])
            local last = tonumber(redis.call('HGET', KEYS[1], 'last') or '0')
            if now > last then redis.call('HSET', KEYS[1], 'last', ARGV[3]) end
            redis.call('HSET', KEYS[1], 's:' .. ARGV[1], ARGV[3], 'u:' .. ARGV[2], ARGV[3])
            local max = tonumber(ARGV[5])
            for _, kind in ipairs({'s:', 'u:'}) do
              local all = redis.call('HGETALL', KEYS[1])
              local count, oldest, oldestAt = 0, nil, nil
              for i = 1, #all, 2 do
                if string.sub(all[i], 1, 2) == kind then
                  count = count + 1
                  local at = tonumber(all[i + 1])
                  if oldestAt == nil or at < oldestAt then oldest, oldestAt = all[i], at end
                end
              end
              if count > max then redis.call('HDEL', KEYS[1], oldest) end
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return 1
            """);

    private final RedisAsyncCommands<byte[], byte[]> redis;
    private final NoveltySettings settings;

    public RedisAccountHistory(StatefulRedisConnection<byte[], byte[]> connection, NoveltySettings settings) {
        this.redis = Objects.requireNonNull(connection, "connection").async();
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Mono<AccountProfile> profile(String username) {
        return Mono.fromCompletionStage(() -> redis.hgetall(key(username))).map(RedisAccountHistory::profile)
                .defaultIfEmpty(AccountProfile.UNKNOWN);
    }

    @Override
    public Mono<Void> recordSuccess(String username, String subnet, String agentFamily, Instant time) {
        return RECORD.<Long>run(redis, ScriptOutputType.INTEGER, new byte[][] { key(username) },
                subnet.getBytes(UTF_8), agentFamily.getBytes(UTF_8), String.valueOf(time.toEpochMilli()).getBytes(UTF_8),
                String.valueOf(settings.retention().toMillis()).getBytes(UTF_8),
                String.valueOf(settings.maxEntries()).getBytes(UTF_8)).then();
    }

    private static AccountProfile profile(Map<byte[], byte[]> hash) {
        Set<String> subnets = new HashSet<>();
        Set<String> agents = new HashSet<>();
        Instant last = null;
        for (Map.Entry<byte[], byte[]> field : hash.entrySet()) {
            String name = new String(field.getKey(), UTF_8);
            if (name.equals("last")) {
                last = Instant.ofEpochMilli(Long.parseLong(new String(field.getValue(), UTF_8)));
            } else if (name.startsWith("s:")) {
                subnets.add(name.substring(2));
            } else if (name.startsWith("u:")) {
                agents.add(name.substring(2));
            }
        }
        return last == null ? AccountProfile.UNKNOWN : new AccountProfile(subnets, agents, last);
    }

    static byte[] key(String username) {
        return ("guard:risk:account:{" + username + "}").getBytes(UTF_8);
    }
}
