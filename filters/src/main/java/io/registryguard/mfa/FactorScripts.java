package io.registryguard.mfa;

import io.registryguard.redis.LuaScript;

/**
 * The {@link RedisFactorStore}'s scripts. KEYS[1] is {@code guard:{<account>}:factors}, KEYS[2]
 * {@code guard:{<account>}:recovery}; numbers travel as decimal strings.
 */
final class FactorScripts {

    /**
     * Both keys in one snapshot: {secret, step, enrolled_at, {hashes...}}, or {} when not enrolled (an empty
     * array rather than nil, which a MULTI reply would turn into a list holding null).
     */
    static final LuaScript FIND = LuaScript.of("""
            local f = redis.call('HMGET', KEYS[1], 'secret', 'step', 'enrolled_at')
            if not (f[1] or f[2] or f[3]) then
              return {}
            end
            return {f[1], f[2], f[3], redis.call('SMEMBERS', KEYS[2])}
            """);

    /** Replaces everything: ARGV = secret, step, enrolled_at, then the code hashes (possibly none). */
    static final LuaScript SAVE = LuaScript.of("""
            redis.call('DEL', KEYS[1], KEYS[2])
            redis.call('HSET', KEYS[1], 'secret', ARGV[1], 'step', ARGV[2], 'enrolled_at', ARGV[3])
            for i = 4, #ARGV do
              redis.call('SADD', KEYS[2], ARGV[i])
            end
            return 1
            """);

    /**
     * Compare-and-set of the step: 1 only when the hash exists and ARGV[1] is greater than the stored step.
     * Both are unsigned decimals without leading zeros, compared as text (length first) so no step is
     * rounded through Lua's doubles.
     */
    static final LuaScript ADVANCE_STEP = LuaScript.of("""
            local last = redis.call('HGET', KEYS[1], 'step')
            if not last then
              return 0
            end
            local step = ARGV[1]
            if #step < #last or (#step == #last and step <= last) then
              return 0
            end
            redis.call('HSET', KEYS[1], 'step', step)
            return 1
            """);

    /** New code hashes (ARGV, possibly none) for an enrolled account, secret and step untouched; else 0. */
    static final LuaScript REPLACE_RECOVERY = LuaScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then
              return 0
            end
            redis.call('DEL', KEYS[2])
            for i = 1, #ARGV do
              redis.call('SADD', KEYS[2], ARGV[i])
            end
            return 1
            """);

    private FactorScripts() {
    }
}
