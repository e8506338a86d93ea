package io.registryguard.audit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.registryguard.policy.RouteClass;
import io.registryguard.ratelimit.RateLimitRedis;
import io.registryguard.testsupport.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The audit contract on a real Redis, plus the stream's layout, its bound, the bounded scan and outages. */
class RedisAuditTrailIntegrationTests extends AuditTrailContract {

    private RedisTestServer server;
    private RateLimitRedis redis;
    private String key;
    private CountingAuditMetrics metrics;
    private RedisAuditTrail trail;

    @BeforeEach
    void connect() {
        server = RedisTestServer.get();
        redis = RateLimitRedis.connect(server.url());
        key = "guard:audit:test:" + UUID.randomUUID();
        metrics = new CountingAuditMetrics();
        trail = trail(RedisAuditSettings.defaults().withKey(key));
    }

    @AfterEach
    void disconnect() {
        if (server.canRestart() && !server.isRunning()) {
            server.start(); // a restarted server starts empty: nothing to delete
        } else {
            redis.connection().sync().del(key.getBytes(UTF_8));
        }
        redis.close();
    }

    private RedisAuditTrail trail(RedisAuditSettings settings) {
        return new RedisAuditTrail(redis.connection(), settings, metrics);
    }

    @Override
    AuditTrail trail() {
        return trail;
    }

    private List<StreamMessage<byte[], byte[]>> entries() {
        return redis.connection().sync().xrevrange(key.getBytes(UTF_8), Range.create("-", "+"));
    }

    private static Map<String, String> fields(StreamMessage<byte[], byte[]> entry) {
        Map<String, String> fields = new LinkedHashMap<>();
        entry.getBody().forEach((k, v) -> fields.put(new String(k, UTF_8), new String(v, UTF_8)));
        return fields;
    }

    @Test
    void recordWhenRecordedThenOneStreamEntryWithNamedFields() {
        AuditEvent event = AuditEvent.builder(AuditEventTypes.LOGIN_FAILURE, t0).account(alice).ip("203.0.113.9")
                .userAgent("pip/24.0").routeClass(RouteClass.LOGIN).path("/account/login/?next=/manage/")
                .decision(AuditDecision.DENIED).reason("registry-said-failure").detail("status", "200").build();

        trail.record(event).block();

        assertThat(RedisAuditSettings.DEFAULT_KEY).isEqualTo("guard:audit");
        assertThat(entries()).singleElement().satisfies(entry -> assertThat(fields(entry)).containsExactly(
                Map.entry("time", t0.toString()), Map.entry("type", "login.failure"), Map.entry("decision", "denied"),
                Map.entry("account", alice), Map.entry("ip", "203.0.113.9"), Map.entry("userAgent", "pip/24.0"),
                Map.entry("routeClass", "login"), Map.entry("path", "/account/login/"),
                Map.entry("reason.0", "registry-said-failure"), Map.entry("detail.status", "200")));
        assertThat(redis.connection().sync().ttl(key.getBytes(UTF_8))).isEqualTo(-1L);
    }

    @Test
    void recordWhenMoreThanMaxLengthThenOldestTrimmed() {
        RedisAuditTrail bounded = trail(RedisAuditSettings.defaults().withKey(key).withMaxLength(50));

        Flux.range(0, 500).concatMap(i -> bounded.record(AuditEvent.builder(AuditEventTypes.LOGIN_FAILURE,
                t0.plusMillis(i)).account("user-" + i).build())).blockLast(Duration.ofSeconds(30));

        // MAXLEN ~ trims whole stream nodes (100 entries each by default): at least 50 stay, never a node more.
        assertThat(redis.connection().sync().xlen(key.getBytes(UTF_8))).isBetween(50L, 149L);
        assertThat(bounded.query(AuditQuery.newest(50)).collectList().block()).extracting(AuditEvent::account)
                .first().isEqualTo("user-499");
        assertThat(bounded.query(AuditQuery.newest(10).withAccount("user-0")).collectList().block()).isEmpty();
    }

    @Test
    void recordWhenRedisStoppedThenCompletesLogsTheLineAndWarns() {
        assumeTrue(server.canRestart(), "needs a redis-server the tests start (not SPRING_DATA_REDIS_URL)");
        AuditEvent event = event(AuditEventTypes.LOGIN_SUCCESS, alice, t0);
        server.stop();

        try (LogCapture audit = LogCapture.of(AuditLog.LOGGER); LogCapture warnings = LogCapture.of(RedisAuditTrail.class)) {
            StepVerifier.create(trail.record(event)).expectComplete().verify(Duration.ofSeconds(5));

            assertThat(audit.messages(Level.INFO)).containsExactly(event.toJson());
            assertThat(warnings.messages(Level.WARN)).singleElement().asString()
                    .contains("login.success event logged but not written to the Redis stream " + key);
        }
        assertThat(metrics.recorded).containsExactly(AuditEventTypes.LOGIN_SUCCESS);
        assertThat(metrics.writeFailures).hasValue(1);
    }

    @Test
    void recordWhenRedisHangsThenCompletesWithinTheCommandTimeout() {
        assumeTrue(server.canRestart(), "needs a redis-server the tests start (not SPRING_DATA_REDIS_URL)");
        AuditEvent event = event(AuditEventTypes.LOGIN_SUCCESS, alice, t0);
        server.pause();
        try (LogCapture audit = LogCapture.of(AuditLog.LOGGER)) {
            StepVerifier.create(trail.record(event)).expectComplete().verify(Duration.ofSeconds(5));

            assertThat(audit.messages(Level.INFO)).containsExactly(event.toJson());
        } finally {
            server.resume();
        }
        assertThat(metrics.writeFailures).hasValue(1);
    }

    @Test
    void queryWhenMatchesSpanSeveralPagesThenAllFoundOnceNewestFirst() {
        RedisAuditTrail paged = trail(RedisAuditSettings.defaults().withKey(key).withScan(100, 3));
        AuditEvent[] events = new AuditEvent[11];
        for (int i = 0; i < events.length; i++) {
            events[i] = event(AuditEventTypes.LOGIN_FAILURE, i % 2 == 0 ? alice : bob, t0.plusMillis(i));
        }
        recordAll(events);

        assertThat(paged.query(AuditQuery.newest(100).withAccount(alice)).collectList().block())
                .containsExactly(events[10], events[8], events[6], events[4], events[2], events[0]);
        assertThat(paged.query(AuditQuery.newest(7)).collectList().block())
                .containsExactly(events[10], events[9], events[8], events[7], events[6], events[5], events[4]);
    }

    @Test
    void queryWhenMatchIsBeyondTheScanLimitThenNotReadAndSaidSo() {
        RedisAuditTrail bounded = trail(RedisAuditSettings.defaults().withKey(key).withScan(20, 10));
        AuditEvent target = event(AuditEventTypes.LOGIN_SUCCESS, alice, t0);
        recordAll(target);
        Flux.range(1, 30).concatMap(i -> trail.record(event(AuditEventTypes.LOGIN_FAILURE, bob, t0.plusMillis(i))))
                .blockLast();

        try (LogCapture log = LogCapture.of(RedisAuditTrail.class)) {
            assertThat(bounded.query(AuditQuery.newest(10).withAccount(alice)).collectList().block()).isEmpty();
            assertThat(log.messages(Level.INFO)).singleElement().asString()
                    .contains("stopped after reading 20 stream entries");
        }
        // The same search with a wider scan finds it: the bound, not the data, stopped the first one.
        assertThat(trail.query(AuditQuery.newest(10).withAccount(alice)).collectList().block()).containsExactly(target);
    }

    @Test
    void queryWhenAnEntryIsNotAnAuditEventThenSkipped() {
        AuditEvent event = event(AuditEventTypes.LOGIN_SUCCESS, alice, t0);
        recordAll(event);
        redis.connection().sync().xadd(key.getBytes(UTF_8), Map.of("foo".getBytes(UTF_8), "bar".getBytes(UTF_8)));

        try (LogCapture log = LogCapture.of(RedisAuditTrail.class)) {
            assertThat(trail.query(AuditQuery.newest(10)).collectList().block()).containsExactly(event);
            assertThat(log.messages(Level.WARN)).singleElement().asString().contains("skipped stream entry");
        }
    }

    @Test
    void queryWhenRedisStoppedThenError() {
        assumeTrue(server.canRestart(), "needs a redis-server the tests start (not SPRING_DATA_REDIS_URL)");
        server.stop();

        StepVerifier.create(trail.query(AuditQuery.newest(10))).expectError().verify(Duration.ofSeconds(5));
    }

    @Test
    void queryWhenWindowReachesBeyondAnyIdThenAnsweredNotFailed() {
        AuditEvent event = event(AuditEventTypes.LOGIN_SUCCESS, alice, t0);
        recordAll(event);

        assertThat(query(AuditQuery.newest(10).between(Instant.parse("-1000000000-01-01T00:00:00Z"),
                Instant.parse("+1000000000-01-01T00:00:00Z")))).containsExactly(event);
        assertThat(query(AuditQuery.newest(10).between(null, Instant.parse("1969-01-01T00:00:00Z")))).isEmpty();
        assertThat(query(AuditQuery.newest(10).between(Instant.parse("+1000000000-01-01T00:00:00Z"), null))).isEmpty();
        assertThat(RedisAuditTrail.lowerId(t0)).isEqualTo(Long.toString(t0.toEpochMilli() - 300_000));
        assertThat(RedisAuditTrail.upperId(t0)).isEqualTo(Long.toString(t0.toEpochMilli() + 300_000));
    }

    @Test
    void queryWhenManyEntriesAfterUntilThenFullPagesNotOneEntryAtATime() {
        RedisAuditTrail paged = trail(RedisAuditSettings.defaults().withKey(key).withScan(40, 20));
        AuditEvent old = event(AuditEventTypes.LOGIN_SUCCESS, alice, t0.minusSeconds(60));
        recordAll(old);
        Flux.range(0, 30).concatMap(i -> trail.record(event(AuditEventTypes.LOGIN_FAILURE, bob, t0.plusMillis(i))))
                .blockLast();

        long before = xrevrangeCalls();

        // 30 entries in the id margin above until, then the match: pages of 1, 20 and 19 entries.
        assertThat(paged.query(AuditQuery.newest(1).between(null, t0)).collectList().block()).containsExactly(old);
        assertThat(xrevrangeCalls() - before).isEqualTo(3);
    }

    private long xrevrangeCalls() {
        String stats = redis.connection().sync().info("commandstats");
        var calls = java.util.regex.Pattern.compile("cmdstat_xrevrange:calls=(\\d+)").matcher(stats);
        return calls.find() ? Long.parseLong(calls.group(1)) : 0;
    }

    @Test
    void beforeWhenGivenAnIdThenTheGreatestIdBelowIt() {
        assertThat(RedisAuditTrail.before("1700000000000-5")).isEqualTo("1700000000000-4");
        assertThat(RedisAuditTrail.before("1700000000000-0")).isEqualTo("1699999999999");
        assertThat(RedisAuditTrail.before("1700000000000-18446744073709551615"))
                .isEqualTo("1700000000000-18446744073709551614");
        assertThat(RedisAuditTrail.before("0-0")).isNull();
    }
}
