package io.registryguard.ratelimit;

import static io.registryguard.ratelimit.TestLimits.WAREHOUSE;
import static io.registryguard.ratelimit.TestLimits.ip;
import static io.registryguard.ratelimit.TestLimits.limit;
import static io.registryguard.ratelimit.TestLimits.policy;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.registryguard.policy.Limit;
import io.registryguard.policy.Limit.Counts;
import io.registryguard.policy.Policy;
import io.registryguard.policy.RouteClass;
import io.registryguard.ratelimit.RateLimitMetrics.StoreError;
import io.registryguard.testsupport.RedisTestServer;

/**
 * A load harness, not a test: login decisions per second against a local Redis; per attempt, the commands the limiter
 * sent, the commands Redis ran (its own INFO commandstats, counting the GET and SET inside each compare-and-swap
 * script), and the round trips on the decision path (the longest chain of commands on one key: the keys of one
 * attempt are asked concurrently, so Lettuce pipelines them); and compare-and-swaps lost to concurrent updates.
 *
 * <p>Run: {@code mvn -B -q -pl filters -am verify -Pbenchmark -DskipTests} (uses {@code SPRING_DATA_REDIS_URL} when
 * set, else starts a redis-server like the tests do). {@code -Dattempts=N} scales the runs.
 */
public final class LoginLoadHarness {

    /** The Warehouse login limits (ip, subnet, global, username), with budgets nothing here exhausts. */
    private static final Policy UNEXHAUSTED = policy(
            limit("login-per-ip", Limit.Key.IP, Counts.FAILURES, "login", "1000000000 per 5m"),
            limit("login-per-subnet", Limit.Key.SUBNET, Counts.FAILURES, "login", "1000000000 per 5m"),
            limit("login-global", Limit.Key.GLOBAL, Counts.FAILURES, "login", "1000000000 per 5m"),
            limit("login-per-user", Limit.Key.USERNAME, Counts.FAILURES, "login", "1000000000 per 5m"));
    private static final Policy GLOBAL_ONLY = policy(
            limit("login-global", Limit.Key.GLOBAL, Counts.FAILURES, "login", "1000000000 per 5m"));
    /** Every command Redis ran, those inside EVAL scripts included, but not the harness's own INFO. */
    private static final Pattern CALLS = Pattern.compile("cmdstat_(?!info)[a-z|]+:calls=(\\d+)");

    private final String url;
    private final StatefulRedisConnection<String, String> admin;
    private final Map<String, Integer> commandsPerKey = new ConcurrentHashMap<>();
    private final AtomicBoolean tracking = new AtomicBoolean();
    private int run;

    private LoginLoadHarness(String url, StatefulRedisConnection<String, String> admin) {
        this.url = url;
        this.admin = admin;
    }

    public static void main(String[] args) {
        int attempts = Integer.getInteger("attempts", 20_000);
        String url = RedisTestServer.get().url();
        RedisClient adminClient = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> admin = adminClient.connect()) {
            LoginLoadHarness harness = new LoginLoadHarness(url, admin);
            System.out.printf("%nLogin rate-limit decisions against Redis at %s (%s), %d cores%n", url,
                    admin.sync().info("server").lines().filter(l -> l.startsWith("redis_version")).findFirst()
                            .orElse("?"), Runtime.getRuntime().availableProcessors());
            System.out.printf("%-58s %9s %12s %10s %10s %9s %9s%n", "scenario (4 buckets: ip, subnet, global, user)",
                    "attempts", "decisions/s", "sent/att", "redis/att", "RTs/dec", "lost CAS");
            harness.sequential("brute force, buckets exist, FAILURE", UNEXHAUSTED, attempts / 4,
                    i -> login(i % 100, "user-" + i % 100), AttemptOutcome.FAILURE);
            harness.sequential("login success: failure tokens given back", UNEXHAUSTED, attempts / 4,
                    i -> login(i % 100, "user-" + i % 100), AttemptOutcome.SUCCESS);
            harness.sequential("username spray: a new user bucket each attempt", UNEXHAUSTED, attempts / 4,
                    i -> login(i % 100, "spray-" + i), AttemptOutcome.FAILURE);
            harness.lockedAccount(attempts / 4);
            for (boolean batching : new boolean[] {true, false}) {
                harness.concurrent("64 in flight, 10k users/IPs, batching " + (batching ? "on" : "off"), UNEXHAUSTED,
                        batching, attempts, i -> login(i % 10_000, "user-" + i % 10_000));
            }
            for (boolean batching : new boolean[] {true, false}) {
                harness.concurrent("64 in flight, hot global key only, batching " + (batching ? "on" : "off"),
                        GLOBAL_ONLY, batching, attempts, i -> login(i % 10_000, "user-" + i));
            }
        } finally {
            adminClient.shutdown();
        }
    }

    private static RateLimitRequest login(int address, String username) {
        return RateLimitRequest.of(RouteClass.LOGIN, ip("10." + (address >> 16 & 255) + "." + (address >> 8 & 255)
                + "." + (address & 255)), username);
    }

    private RateLimiter limiter(Policy policy, boolean batching, RateLimitRedis redis) {
        return RateLimiter.builder(policy).redis(redis.connection()).keyPrefix("bench:" + (run++) + ":")
                .batching(batching)
                .commandListener((command, key) -> {
                    if (tracking.get()) {
                        commandsPerKey.merge(new String((byte[]) key, StandardCharsets.UTF_8), 1, Integer::sum);
                    }
                })
                .build();
    }

    /** One attempt at a time; the round trips of each decision are the longest run of commands on one key. */
    private void sequential(String name, Policy policy, int attempts, IntFunction<RateLimitRequest> request,
            AttemptOutcome outcome) {
        try (RateLimitRedis redis = RateLimitRedis.connect(url)) {
            RateLimiter limiter = limiter(policy, true, redis);
            for (int i = 0; i < attempts; i++) { // warm-up: JIT, and the buckets of the reused keys exist
                attempt(limiter, request.apply(i), outcome).block();
            }
            long commandsBefore = commands();
            long sentBefore = limiter.redis().commands();
            long lostBefore = limiter.redis().lostSwaps();
            long roundTrips = 0;
            long start = System.nanoTime();
            for (int i = attempts; i < 2 * attempts; i++) {
                commandsPerKey.clear();
                tracking.set(true);
                RateLimitDecision decision = limiter.check(request.apply(i)).block();
                tracking.set(false);
                roundTrips += commandsPerKey.values().stream().mapToInt(Integer::intValue).max().orElse(0);
                limiter.recordOutcome(decision, outcome).block();
            }
            report(name, attempts, System.nanoTime() - start, limiter.redis().commands() - sentBefore,
                    commands() - commandsBefore, String.format("%.2f", (double) roundTrips / attempts),
                    limiter.redis().lostSwaps() - lostBefore);
        }
    }

    /** An attacker hammering a locked account: refused from the known block, without Redis. */
    private void lockedAccount(int attempts) {
        try (RateLimitRedis redis = RateLimitRedis.connect(url)) {
            RateLimiter limiter = limiter(WAREHOUSE, true, redis);
            for (int i = 0; i < 10; i++) {
                attempt(limiter, login(i, "victim"), AttemptOutcome.FAILURE).block();
            }
            long commandsBefore = commands();
            long sentBefore = limiter.redis().commands();
            long start = System.nanoTime();
            for (int i = 0; i < attempts; i++) {
                if (limiter.check(login(1000 + i % 1000, "victim")).block().allowed()) {
                    throw new IllegalStateException("a locked account let an attempt through");
                }
            }
            report("locked account: refused from the known block (Warehouse)", attempts, System.nanoTime() - start,
                    limiter.redis().commands() - sentBefore, commands() - commandsBefore, "0", 0);
        }
    }

    private void concurrent(String name, Policy policy, boolean batching, int attempts,
            IntFunction<RateLimitRequest> request) {
        try (RateLimitRedis redis = RateLimitRedis.connect(url)) {
            CountingRateLimitMetrics metrics = new CountingRateLimitMetrics();
            RateLimiter limiter = RateLimiter.builder(policy).redis(redis.connection()).keyPrefix("bench:" + (run++) + ":")
                    .batching(batching).metrics(metrics).build();
            Flux.range(0, attempts / 4).flatMap(i -> attempt(limiter, request.apply(i), AttemptOutcome.FAILURE), 64)
                    .blockLast(); // warm-up
            long commandsBefore = commands();
            long sentBefore = limiter.redis().commands();
            long lostBefore = limiter.redis().lostSwaps();
            Map<StoreError, Long> errorsBefore = errors(metrics);
            long start = System.nanoTime();
            Flux.range(attempts, attempts).flatMap(i -> attempt(limiter, request.apply(i), AttemptOutcome.FAILURE), 64)
                    .blockLast();
            report(name, attempts, System.nanoTime() - start, limiter.redis().commands() - sentBefore,
                    commands() - commandsBefore, "-", limiter.redis().lostSwaps() - lostBefore);
            Map<StoreError, Long> errorsAfter = errors(metrics);
            for (StoreError error : StoreError.values()) {
                long count = errorsAfter.get(error) - errorsBefore.get(error);
                if (count > 0) {
                    System.out.printf("%58s   store errors %s: %d (%s)%n", "", error.tag(), count,
                            error == StoreError.CONTENTION ? "refused, retry in 1 s" : "answered by the fallback");
                }
            }
        }
    }

    private static Mono<RateLimitDecision> attempt(RateLimiter limiter, RateLimitRequest request, AttemptOutcome outcome) {
        return limiter.check(request).flatMap(d -> limiter.recordOutcome(d, outcome).then(Mono.just(d)));
    }

    /** Commands Redis has run so far, by its own count (a compare-and-swap EVAL runs a GET and a SET inside). */
    private long commands() {
        Matcher m = CALLS.matcher(admin.sync().info("commandstats"));
        long calls = 0;
        while (m.find()) {
            calls += Long.parseLong(m.group(1));
        }
        return calls;
    }

    private static Map<StoreError, Long> errors(CountingRateLimitMetrics metrics) {
        Map<StoreError, Long> errors = new EnumMap<>(StoreError.class);
        for (StoreError error : StoreError.values()) {
            errors.put(error, metrics.storeErrors(error));
        }
        return errors;
    }

    /**
     * @param sent     commands the limiter sent (GET, EVAL, DEL)
     * @param executed commands Redis ran, those inside scripts included
     */
    private static void report(String name, int attempts, long nanos, long sent, long executed, String roundTrips,
            long lost) {
        System.out.printf("%-58s %9d %12.0f %10.2f %10.2f %9s %9.3f%n", name, attempts, attempts / (nanos / 1e9),
                (double) sent / attempts, (double) executed / attempts, roundTrips, (double) lost / attempts);
    }
}
