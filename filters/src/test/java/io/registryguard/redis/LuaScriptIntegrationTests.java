package io.registryguard.redis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.registryguard.ratelimit.RateLimitRedis;
import io.registryguard.testsupport.RedisTestServer;
import reactor.test.StepVerifier;

class LuaScriptIntegrationTests {

    private static final LuaScript INCR = LuaScript.of("return redis.call('INCR', KEYS[1])");

    private final byte[] key = ("lua-test:" + UUID.randomUUID()).getBytes(UTF_8);
    private RateLimitRedis redis;
    private RedisAsyncCommands<byte[], byte[]> async;
    private RedisCommands<byte[], byte[]> sync;

    @BeforeEach
    void connect() {
        redis = RateLimitRedis.connect(RedisTestServer.get().url());
        async = redis.connection().async();
        sync = redis.connection().sync();
    }

    @AfterEach
    void disconnect() {
        sync.del(key);
        redis.close();
    }

    @Test
    void sha1WhenComputedThenWhatRedisNamesTheScriptBy() {
        assertThat(INCR.sha1()).isEqualTo(sync.scriptLoad("return redis.call('INCR', KEYS[1])"));
    }

    @Test
    void runWhenScriptNotLoadedThenEvaluatedAndLoadedForNextTime() {
        sync.scriptFlush();

        StepVerifier.create(INCR.<Long>run(async, ScriptOutputType.INTEGER, new byte[][] {key})).expectNext(1L)
                .verifyComplete();

        assertThat(sync.scriptExists(INCR.sha1())).containsExactly(true);
        StepVerifier.create(INCR.<Long>run(async, ScriptOutputType.INTEGER, new byte[][] {key})).expectNext(2L)
                .verifyComplete();
    }

    @Test
    void runWhenNotSubscribedThenNothingSent() {
        INCR.run(async, ScriptOutputType.INTEGER, new byte[][] {key});

        assertThat(sync.get(key)).isNull();
    }

    @Test
    void runWhenScriptFailsThenErrorAndNotRunAgain() {
        LuaScript failing = LuaScript.of("redis.call('INCR', KEYS[1]) return redis.error_reply('no')");
        sync.scriptFlush();

        StepVerifier.create(failing.run(async, ScriptOutputType.INTEGER, new byte[][] {key}))
                .expectError(RedisCommandExecutionException.class)
                .verify();

        assertThat(new String(sync.get(key), UTF_8)).as("run once, by the EVAL after NOSCRIPT").isEqualTo("1");
    }

    @Test
    void runWhenValueScriptReturnsNilThenEmpty() {
        StepVerifier.create(LuaScript.of("return nil").run(async, ScriptOutputType.VALUE, new byte[][] {key}))
                .verifyComplete();
    }

    @Test
    void runWhenMultiScriptReturnsNilThenListHoldingNullSoScriptsReturnEmptyArraysInstead() {
        LuaScript nil = LuaScript.of("return nil");

        StepVerifier.create(nil.<List<Object>>run(async, ScriptOutputType.MULTI, new byte[][] {key}))
                .assertNext(reply -> assertThat(reply).containsExactly((Object) null))
                .verifyComplete();
    }

    @Test
    void runWhenMultiScriptReturnsNestedArraysThenNestedLists() {
        LuaScript nested = LuaScript.of("return {1, ARGV[1], {ARGV[1]}}");

        byte[] binary = {0, -1};

        StepVerifier.create(nested.<List<Object>>run(async, ScriptOutputType.MULTI, new byte[][] {key}, binary))
                .assertNext(reply -> {
                    assertThat(reply.get(0)).isEqualTo(1L);
                    assertThat((byte[]) reply.get(1)).containsExactly(0, -1);
                    assertThat((List<?>) reply.get(2)).hasSize(1);
                })
                .verifyComplete();
    }
}
