package io.registryguard.ratelimit;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.github.bucket4j.TimeMeter;

/**
 * Buckets this instance saw refuse, until they have a token again. A bucket's tokens come back only with time, so
 * until then the next attempt is refused from here without asking the store: an attacker hammering a locked
 * account or address costs no Redis traffic. It is also what {@link RateLimiter#blocks()} lists.
 *
 * <p>Per instance and best effort: a token given back by a concurrent successful attempt is not seen (the wait is
 * at most one refill interval too long), an unlock on another instance is not seen until the wait is over, and when
 * {@code maxEntries} buckets are listed, further refusals are not remembered (they are asked of the store again).
 */
final class RecentBlocks {

    static final int DEFAULT_MAX_ENTRIES = 10_000;

    private final int maxEntries;
    private final TimeMeter time;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(BucketRef bucket, long untilNanos) {
    }

    /** A bucket known to be empty, and for how much longer. */
    record Blocked(BucketRef bucket, long remainingNanos) {
    }

    RecentBlocks(int maxEntries, TimeMeter time) {
        this.maxEntries = maxEntries;
        this.time = time;
    }

    void record(BucketRef bucket, long nanosToWait) {
        long now = time.currentTimeNanos();
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> e.untilNanos <= now);
            if (entries.size() >= maxEntries) {
                return;
            }
        }
        entries.put(bucket.key(), new Entry(bucket, now + nanosToWait));
    }

    /** Of {@code buckets}, the one known to be empty the longest (the first of equals), with its remaining wait. */
    Optional<Blocked> longest(List<BucketRef> buckets) {
        long now = time.currentTimeNanos();
        Entry longest = null;
        for (BucketRef bucket : buckets) {
            Entry entry = entries.get(bucket.key());
            if (entry != null && entry.untilNanos > now && entry.bucket.limit().version() == bucket.limit().version()
                    && (longest == null || entry.untilNanos > longest.untilNanos)) {
                longest = entry;
            }
        }
        return Optional.ofNullable(longest).map(e -> new Blocked(e.bucket, e.untilNanos - now));
    }

    void forget(Predicate<BucketRef> which) {
        entries.values().removeIf(e -> which.test(e.bucket));
    }

    /** Every bucket still empty, longest wait first, then by limit and value. */
    List<Block> active() {
        long now = time.currentTimeNanos();
        return entries.values().stream()
                .filter(e -> e.untilNanos > now)
                .sorted(Comparator.comparingLong(Entry::untilNanos).reversed()
                        .thenComparing(e -> e.bucket.limit().name()).thenComparing(e -> e.bucket.value()))
                .map(e -> new Block(e.bucket.limit().name(), e.bucket.limit().limit().key(), e.bucket.value(),
                        Duration.ofNanos(e.untilNanos - now)))
                .toList();
    }
}
