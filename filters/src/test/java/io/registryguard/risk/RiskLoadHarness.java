package io.registryguard.risk;

import io.registryguard.policy.risk.FailureRatioSettings;
import io.registryguard.policy.risk.NoveltySettings;
import io.registryguard.policy.risk.RiskThresholds;
import io.registryguard.policy.risk.UnderAttackSettings;
import io.registryguard.policy.risk.UsernameTraversalSettings;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.registryguard.ratelimit.RateLimitRedis;
import io.registryguard.testsupport.RedisTestServer;

/**
 * A load harness, not a test: what one login's risk signals cost in Redis. The engine runs every signal but the
 * breached-password one (HTTP, not Redis) on the Redis stores, all on one connection: per decision two
 * distinct-username scripts (address, subnet), two failure-count scripts and an account-history {@code HGETALL}.
 * After the registry answers, {@link LoginOutcomes} records a failure (two count scripts) or a success (those and
 * the account-history script).
 *
 * <p>Columns: decisions per second; commands the client wrote per decision (a {@link CommandWaves} listener on the
 * client); commands Redis ran per decision (INFO commandstats, the calls inside scripts included, the harness's own
 * INFO and SCRIPT not); and round trips, "mean/max" waves per decision, one decision at a time. A command written
 * only after another command of the same decision had its reply starts a new wave. "As written" counts that on the
 * connection as the gateway uses it; it can only over-count, since on a busy machine an independent command may be
 * written after an unrelated reply came back. "Needed" holds the writes (no auto-flush) and flushes a wave only once
 * the previous one's replies, and everything they caused, are in: the number of replies the decision had to wait
 * for, whatever the scheduling. How {@link CommandWaves} tells which replies were in is in its comment. The SCRIPT
 * FLUSH row checks that the method sees a real dependency: a script Redis no longer has answers {@code NOSCRIPT}
 * and is sent again as EVAL, a second wave. With 64 in flight decisions interleave on the connection: no waves.
 *
 * <p>Run: {@code ./mvnw -B -q -pl filters -am verify -Pbenchmark -DskipTests} (after the rate-limit harness; uses
 * {@code SPRING_DATA_REDIS_URL} when set, else starts a redis-server like the tests do). {@code -Dattempts=N}
 * scales the runs.
 */
public final class RiskLoadHarness {

    private static final Pattern CALLS = Pattern.compile("cmdstat_(?!info|script)[a-z|]+:calls=(\\d+)");
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final int IN_FLIGHT = 64;

    private final StatefulRedisConnection<String, String> admin;
    private final StatefulRedisConnection<byte[], byte[]> redis;
    private final CommandWaves waves;
    private final AtomicLong signalFailures = new AtomicLong();
    private final RiskEngine engine;
    private final LoginOutcomes outcomes;

    private RiskLoadHarness(StatefulRedisConnection<String, String> admin, CommandWaves waves,
            StatefulRedisConnection<byte[], byte[]> redis) {
        this.admin = admin;
        this.redis = redis;
        this.waves = waves;
        RiskMetrics metrics = new RiskMetrics() {
            @Override
            public void signalFailed(String signal, boolean treatedAsRisky) {
                signalFailures.incrementAndGet();
            }
        };
        FailureRatioSignal failureRatio = new FailureRatioSignal(
                new RedisAttemptCounts(redis, FailureRatioSettings.DEFAULTS.buckets()), FailureRatioSettings.DEFAULTS);
        NoveltySignal novelty = new NoveltySignal(new RedisAccountHistory(redis, NoveltySettings.DEFAULTS),
                NoveltySettings.DEFAULTS);
        UnderAttackSignal underAttack = new UnderAttackSignal(
                new UnderAttackDetector(UnderAttackSettings.DEFAULTS, metrics), UnderAttackSettings.DEFAULTS.weight());
        this.engine = new RiskEngine(List.of(
                NamedSignal.ignoringErrors("username-traversal", new UsernameTraversalSignal(
                        new RedisDistinctUsernames(redis, UsernameTraversalSettings.DEFAULTS.buckets()),
                        UsernameTraversalSettings.DEFAULTS)),
                NamedSignal.ignoringErrors("failure-ratio", failureRatio),
                NamedSignal.ignoringErrors("novelty", novelty),
                NamedSignal.ignoringErrors("under-attack", underAttack),
                NamedSignal.ignoringErrors("browser-headers", new BrowserHeadersSignal(5)),
                NamedSignal.ignoringErrors("scripted-client", ScriptedClientSignal.withDefaults(15))),
                RiskThresholds.DEFAULTS, RateLimitRedis.DEFAULT_COMMAND_TIMEOUT.multipliedBy(4), metrics);
        this.outcomes = new LoginOutcomes(List.of(failureRatio, novelty, underAttack));
    }

    public static void main(String[] args) {
        int attempts = Integer.getInteger("attempts", 20_000);
        String url = RedisTestServer.get().url();
        CommandWaves waves = new CommandWaves();
        RedisClient adminClient = RedisClient.create(url); // INFO and SCRIPT FLUSH stay out of the listener's count
        RedisClient client = RedisClient.create(url);
        // As RateLimitRedis sets it up (a timeout per command), plus the listener.
        client.setOptions(ClientOptions.builder()
                .timeoutOptions(TimeoutOptions.enabled(RateLimitRedis.DEFAULT_COMMAND_TIMEOUT)).build());
        client.addListener(waves);
        try (StatefulRedisConnection<String, String> admin = adminClient.connect();
                StatefulRedisConnection<byte[], byte[]> redis = client.connect(ByteArrayCodec.INSTANCE)) {
            RiskLoadHarness harness = new RiskLoadHarness(admin, waves, redis);
            System.out.printf("%nLogin risk signals against Redis at %s (%s), %d cores%n", url,
                    admin.sync().info("server").lines().filter(l -> l.startsWith("redis_version")).findFirst()
                            .orElse("?"), Runtime.getRuntime().availableProcessors());
            System.out.printf("%-52s %8s %12s %9s %10s %12s %12s%n", "scenario (10k users/addresses)", "attempts",
                    "decisions/s", "sent/dec", "redis/dec", "RTs needed", "as written");
            harness.populate(attempts);
            harness.sequential("assess (pre-registry), one at a time", attempts / 4, harness::assess, false);
            harness.sequential("assess, each after SCRIPT FLUSH (NOSCRIPT, then EVAL)", attempts / 40,
                    harness::assess, true);
            for (boolean failed : new boolean[] {true, false}) {
                harness.sequential("outcome: " + (failed ? "failure" : "success") + " recorded, one at a time",
                        attempts / 4, i -> harness.outcome(i, failed), false);
            }
            harness.concurrent("assess, " + IN_FLIGHT + " in flight", attempts, harness::assess);
            for (boolean failed : new boolean[] {true, false}) {
                harness.concurrent("outcome: " + (failed ? "failure" : "success") + ", " + IN_FLIGHT + " in flight",
                        attempts, i -> harness.outcome(i, failed));
            }
        } finally {
            client.shutdown();
            adminClient.shutdown();
        }
    }

    /** 10k addresses in 40 subnets, one user each, a browser with its headers; a fresh timestamp per attempt. */
    private static LoginAttempt attempt(int i) {
        int n = i % 10_000;
        String subnet = "10." + (n >> 16 & 255) + "." + (n >> 8 & 255);
        return LoginAttempt.of(Instant.now(), subnet + "." + (n & 255), subnet + ".0/24", "user-" + n)
                .withUserAgent(FIREFOX).withBrowserHeaders("https://pypi.org", "same-origin", "navigate", "en-US");
    }

    private Mono<?> assess(int i) {
        return engine.assess(attempt(i));
    }

    private Mono<?> outcome(int i, boolean failed) {
        return outcomes.outcome(attempt(i), failed);
    }

    /** Every account logs in once (so its history exists) and every address has counts and username sketches. */
    private void populate(int attempts) {
        Flux.range(0, Math.max(attempts, 10_000))
                .flatMap(i -> engine.assess(attempt(i)).then(outcomes.outcome(attempt(i), i % 4 != 0)), IN_FLIGHT)
                .blockLast();
    }

    /**
     * One decision at a time, twice: as the gateway would send it (timed; the waves as written), then with writes
     * held so each wave goes out only once the last one's replies, and what they caused, are in (the waves needed).
     */
    private void sequential(String name, int attempts, IntFunction<Mono<?>> decision, boolean flushScripts) {
        for (int i = 0; i < attempts; i++) { // warm-up: JIT
            decision.apply(i).block();
        }
        long executedBefore = executed();
        long writtenBefore = waves.written();
        long failuresBefore = signalFailures.get();
        long nanos = 0;
        int[] asWritten = new int[attempts];
        for (int i = 0; i < attempts; i++) {
            if (flushScripts) {
                admin.sync().scriptFlush();
            }
            Mono<?> next = decision.apply(attempts + i);
            waves.start();
            long start = System.nanoTime();
            next.block();
            nanos += System.nanoTime() - start; // the decision alone, not the flush or the bookkeeping
            asWritten[i] = waves.stop();
        }
        long written = waves.written() - writtenBefore;
        long executed = executed() - executedBefore;
        int[] needed = new int[attempts];
        for (int i = 0; i < attempts; i++) {
            if (flushScripts) {
                admin.sync().scriptFlush();
            }
            needed[i] = heldWaves(decision.apply(2 * attempts + i));
        }
        report(name, attempts, nanos, written, executed, meanMax(needed), meanMax(asWritten),
                signalFailures.get() - failuresBefore);
    }

    /**
     * Writes are held on the connection (no auto-flush): what the decision writes before any reply is wave 1; each
     * wave is flushed once the previous one's commands have finished and their callbacks have run. A decision that
     * waited on one reply before writing the next command would need another flush, so another wave.
     */
    private int heldWaves(Mono<?> decision) {
        redis.setAutoFlushCommands(false);
        try {
            waves.start();
            CompletableFuture<?> done = decision.toFuture();
            int flushed = 0;
            int rounds = 0;
            while (waves.tracked() > flushed || !done.isDone()) {
                if (waves.tracked() > flushed) {
                    flushed = waves.tracked();
                    rounds++;
                    redis.flushCommands();
                    waves.awaitFinished(flushed);
                } else {
                    done.join(); // nothing unsent, yet not done: an in-process wait (none expected)
                }
            }
            done.join();
            if (waves.stop() != rounds) { // with writes held, the two ways of counting must agree
                throw new IllegalStateException("held waves disagree: " + rounds + " flushes");
            }
            return rounds;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            redis.setAutoFlushCommands(true);
        }
    }

    private static String meanMax(int[] waves) {
        return String.format("%.3f/%d", IntStream.of(waves).average().orElse(0), IntStream.of(waves).max().orElse(0));
    }

    private void concurrent(String name, int attempts, IntFunction<Mono<?>> decision) {
        Flux.range(0, attempts / 4).flatMap(decision::apply, IN_FLIGHT).blockLast(); // warm-up
        long executedBefore = executed();
        long writtenBefore = waves.written();
        long failuresBefore = signalFailures.get();
        long start = System.nanoTime();
        Flux.range(attempts, attempts).flatMap(decision::apply, IN_FLIGHT).blockLast();
        report(name, attempts, System.nanoTime() - start, waves.written() - writtenBefore,
                executed() - executedBefore, "-", "-", signalFailures.get() - failuresBefore);
    }

    /** Commands Redis has run so far, by its own count: the calls inside scripts too. */
    private long executed() {
        Matcher m = CALLS.matcher(admin.sync().info("commandstats"));
        long calls = 0;
        while (m.find()) {
            calls += Long.parseLong(m.group(1));
        }
        return calls;
    }

    /** Round trips as "mean/max" waves per decision. */
    private static void report(String name, int attempts, long nanos, long written, long executed, String needed,
            String asWritten, long signalFailures) {
        System.out.printf("%-52s %8d %12.0f %9.2f %10.2f %12s %12s%n", name, attempts, attempts / (nanos / 1e9),
                (double) written / attempts, (double) executed / attempts, needed, asWritten);
        if (signalFailures > 0) {
            System.out.printf("%52s   %d signals failed or timed out (ignored: the decisions went on without them)%n",
                    "", signalFailures);
        }
    }
}
