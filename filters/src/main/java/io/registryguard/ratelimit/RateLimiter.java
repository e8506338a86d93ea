package io.registryguard.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import io.github.bucket4j.TimeMeter;
import io.registryguard.policy.Limit;
import io.registryguard.policy.Policy;
import io.registryguard.ratelimit.RateLimitDecision.Allowed;
import io.registryguard.ratelimit.RateLimitDecision.Refused;

/**
 * The policy's rate limits: {@link #check} before an attempt goes to the registry, {@link #recordOutcome} after it
 * answered. Thread-safe and non-blocking; build one per gateway with {@link #builder(Policy)}. See the package
 * documentation for the rules.
 */
public final class RateLimiter {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    private final FailoverStore store;
    private final RecentBlocks recentBlocks;
    private final CircuitBreaker breaker;
    private final RateLimitMetrics metrics;
    private final TimeMeter time;
    private final String keyPrefix;
    private final LettuceRedisApi<?> redis;
    private volatile LimitTable table;

    RateLimiter(Policy policy, FailoverStore store, CircuitBreaker breaker, LettuceRedisApi<?> redis,
            RateLimitMetrics metrics, TimeMeter time, String keyPrefix) {
        this.store = store;
        this.breaker = breaker;
        this.redis = redis;
        this.metrics = metrics;
        this.time = time;
        this.keyPrefix = keyPrefix;
        this.recentBlocks = new RecentBlocks(RecentBlocks.DEFAULT_MAX_ENTRIES, time);
        this.table = LimitTable.compile(policy, null, keyPrefix, nowMillis());
    }

    /** A limiter for {@code policy}'s limits: in memory unless given a Redis connection. */
    public static RateLimiterBuilder builder(Policy policy) {
        return new RateLimiterBuilder(policy);
    }

    /**
     * Takes a token from every bucket that applies to {@code request} (all asked at once), or refuses the attempt
     * if any is empty. A refused attempt is charged nowhere. Emits on the thread that completed the last store
     * call (a Redis I/O thread with Redis).
     */
    public Mono<RateLimitDecision> check(RateLimitRequest request) {
        Objects.requireNonNull(request, "request");
        return Mono.defer(() -> {
            List<BucketRef> buckets = table.bucketsFor(request);
            if (buckets.isEmpty()) {
                return Mono.just(Allowed.UNLIMITED);
            }
            Optional<RecentBlocks.Blocked> known = recentBlocks.longest(buckets);
            if (known.isPresent()) {
                String limit = known.get().bucket().limit().name();
                metrics.decision(limit, RateLimitMetrics.Outcome.REFUSED);
                return Mono.just(new Refused(limit, Duration.ofNanos(known.get().remainingNanos()),
                        Refused.Reason.EXHAUSTED));
            }
            List<CompletableFuture<Probe>> probes = buckets.stream().map(store::tryConsume).toList();
            return Mono.fromFuture(CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new))
                    .thenCompose(done -> decide(probes.stream().map(CompletableFuture::join).toList())));
        });
    }

    /**
     * Settles an allowed attempt: on failure its failure buckets keep their tokens, on success they get them back.
     * Only the first outcome recorded for a decision counts. Never fails; does nothing for a refused decision.
     */
    public Mono<Void> recordOutcome(RateLimitDecision decision, AttemptOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        if (!(decision instanceof Allowed allowed) || allowed.reservations().isEmpty() || !allowed.settle()
                || outcome == AttemptOutcome.FAILURE) {
            return Mono.empty();
        }
        return Mono.fromFuture(() -> CompletableFuture.allOf(
                allowed.reservations().stream().map(store::refund).toArray(CompletableFuture[]::new)));
    }

    /** Runs {@code policy}'s limits from the next check on; existing buckets take changed bandwidths as they are used. */
    public synchronized void apply(Policy policy) {
        LimitTable next = LimitTable.compile(policy, table, keyPrefix, nowMillis());
        if (!next.sameLimits(table)) {
            recentBlocks.forget(bucket -> true);
        }
        table = next;
    }

    /**
     * Forgets the buckets kept for {@code value} under every limit of {@code kind}: they start full again, here and
     * in Redis (other instances stop refusing from memory once their known wait is over). {@code IP} also frees the
     * address's subnet; {@code IP} and {@code SUBNET} take an address literal; {@code GLOBAL} ignores the value.
     *
     * @throws IllegalArgumentException when an address is not an IP literal (no name is ever resolved)
     */
    public Mono<Void> unlock(Limit.Key kind, String value) {
        Objects.requireNonNull(kind, "kind");
        LimitTable current = table;
        List<BucketRef> buckets = new ArrayList<>();
        switch (kind) {
            case IP -> {
                InetAddress address = literal(value);
                buckets.addAll(current.bucketsOf(Limit.Key.IP, BucketKeys.address(address)));
                buckets.addAll(current.bucketsOf(Limit.Key.SUBNET, current.keys().subnet(address)));
            }
            case SUBNET -> buckets.addAll(current.bucketsOf(Limit.Key.SUBNET, current.keys().subnet(literal(value))));
            case USERNAME -> buckets.addAll(current.bucketsOf(Limit.Key.USERNAME, BucketKeys.username(value)));
            case DEVICE -> buckets.addAll(current.bucketsOf(Limit.Key.DEVICE, Objects.requireNonNull(value, "value")));
            case GLOBAL -> buckets.addAll(current.bucketsOf(Limit.Key.GLOBAL, BucketKeys.GLOBAL_VALUE));
        }
        Set<String> keys = buckets.stream().map(BucketRef::key).collect(Collectors.toSet());
        return Mono.fromFuture(() -> {
            recentBlocks.forget(bucket -> keys.contains(bucket.key()));
            return CompletableFuture.allOf(buckets.stream().map(store::remove).toArray(CompletableFuture[]::new));
        });
    }

    /**
     * The buckets this instance saw refuse and that are still empty, longest wait first. Per instance: listing every
     * empty bucket in Redis would mean scanning all keys and decoding Bucket4j's binary state.
     */
    public List<Block> blocks() {
        return recentBlocks.active();
    }

    /** Where the buckets live right now. */
    public StoreState storeState() {
        return breaker == null ? StoreState.IN_MEMORY : RateLimiterBuilder.storeState(breaker.state());
    }

    /** The Redis commands counter, or null in memory: for the benchmark. */
    LettuceRedisApi<?> redis() {
        return redis;
    }

    private CompletableFuture<RateLimitDecision> decide(List<Probe> probes) {
        probes.forEach(p -> metrics.decision(p.bucket().limit().name(), p.outcome()));
        List<Probe> refused = probes.stream().filter(p -> !p.consumed()).toList();
        if (refused.isEmpty()) {
            return CompletableFuture.completedFuture(new Allowed(probes.stream()
                    .filter(p -> p.holdsToken() && p.bucket().limit().limit().counts() == Limit.Counts.FAILURES)
                    .map(p -> new Reservation(p.bucket(), p.source())).toList()));
        }
        refused.stream().filter(p -> p.source() != Probe.Source.UNCOUNTED)
                .forEach(p -> recentBlocks.record(p.bucket(), p.nanosToWait()));
        Probe longest = refused.stream().max(Comparator.comparingLong(Probe::nanosToWait)).orElseThrow();
        Refused decision = new Refused(longest.bucket().limit().name(), Duration.ofNanos(Math.max(1, longest.nanosToWait())),
                longest.outcome() == RateLimitMetrics.Outcome.FAILED_CLOSED ? Refused.Reason.STORE_UNAVAILABLE
                        : Refused.Reason.EXHAUSTED);
        return CompletableFuture.allOf(probes.stream().filter(Probe::holdsToken)
                        .map(p -> store.refund(new Reservation(p.bucket(), p.source())))
                        .toArray(CompletableFuture[]::new))
                .thenApply(refunded -> decision);
    }

    private long nowMillis() {
        return time.currentTimeNanos() / 1_000_000;
    }

    private static InetAddress literal(String value) {
        if (value == null || !IP_LITERAL.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not an IP address literal");
        }
        try {
            return InetAddress.getByName(value); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + value + "' is not an IP address literal", e);
        }
    }
}
