package io.registryguard.ratelimit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.local.LocalBucket;
import io.github.bucket4j.local.LocalBucketBuilder;

/**
 * Buckets in this instance's memory (Bucket4j's lock-free local buckets), at most {@code maxBuckets} of them, so
 * that an attacker spraying usernames or addresses cannot grow memory without bound.
 *
 * <p>When a new bucket would pass the bound, buckets unused for their limit's longest period go first: such a bucket
 * is full again, so forgetting it changes nothing. Only if that is not enough are the least recently used buckets
 * forgotten, down to 90% of the bound (an attacker can then reset some budgets early; each such eviction is
 * counted and logged). A bucket costs 420 to 510 bytes (one to three bandwidths, key included: measured), so the
 * default bound of 100,000 is about 50 MB.
 */
final class LocalBucketStore implements BucketStore {

    static final int DEFAULT_MAX_BUCKETS = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(LocalBucketStore.class);

    private final int maxBuckets;
    private final TimeMeter time;
    private final RateLimitMetrics metrics;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final ReentrantLock sweeping = new ReentrantLock();

    private static final class Entry {
        final LocalBucket bucket;
        final long nanosUntilFull;
        volatile long version;
        volatile long lastUsedNanos;

        Entry(CompiledLimit limit, TimeMeter time) {
            LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
            for (Bandwidth bandwidth : limit.configuration().getBandwidths()) {
                builder.addLimit(bandwidth);
            }
            this.bucket = builder.build();
            this.nanosUntilFull = limit.nanosUntilFull();
            this.version = limit.version();
            this.lastUsedNanos = time.currentTimeNanos();
        }
    }

    LocalBucketStore(int maxBuckets, TimeMeter time, RateLimitMetrics metrics) {
        if (maxBuckets < 10) {
            throw new IllegalArgumentException("maxBuckets must be at least 10, was " + maxBuckets);
        }
        this.maxBuckets = maxBuckets;
        this.time = time;
        this.metrics = metrics;
    }

    @Override
    public CompletableFuture<ConsumptionProbe> tryConsume(BucketRef bucket) {
        return CompletableFuture.completedFuture(entry(bucket).bucket.tryConsumeAndReturnRemaining(1));
    }

    @Override
    public CompletableFuture<Void> refund(BucketRef bucket) {
        Entry entry = entries.get(bucket.key());
        if (entry != null) {
            entry.bucket.addTokens(1);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> remove(BucketRef bucket) {
        entries.remove(bucket.key());
        return CompletableFuture.completedFuture(null);
    }

    int size() {
        return entries.size();
    }

    private Entry entry(BucketRef bucket) {
        CompiledLimit limit = bucket.limit();
        Entry entry = entries.get(bucket.key());
        if (entry == null) {
            entry = entries.computeIfAbsent(bucket.key(), key -> new Entry(limit, time));
            if (entries.size() > maxBuckets) {
                sweep();
            }
        }
        if (entry.version < limit.version()) {
            synchronized (entry) {
                if (entry.version < limit.version()) {
                    entry.bucket.replaceConfiguration(limit.configuration(), TokensInheritanceStrategy.ADDITIVE);
                    entry.version = limit.version();
                }
            }
        }
        entry.lastUsedNanos = time.currentTimeNanos();
        return entry;
    }

    /** Forgets full buckets, then, if needed, the least recently used down to 90% of the bound. */
    private void sweep() {
        if (!sweeping.tryLock()) {
            return; // another thread is at it; the bound is exceeded by at most the threads racing here
        }
        try {
            long now = time.currentTimeNanos();
            entries.values().removeIf(e -> now - e.lastUsedNanos >= e.nanosUntilFull);
            int excess = entries.size() - maxBuckets * 9 / 10;
            if (entries.size() <= maxBuckets || excess <= 0) {
                return;
            }
            List<Map.Entry<String, Entry>> byAge = new ArrayList<>(entries.entrySet());
            byAge.sort(Comparator.comparingLong(e -> e.getValue().lastUsedNanos));
            byAge.subList(0, excess).forEach(e -> entries.remove(e.getKey(), e.getValue()));
            metrics.localEvictions(excess);
            LOG.warn("In-memory rate-limit buckets: {} in use, more than the bound of {}; forgot the {} least recently"
                    + " used before they were full again", excess + maxBuckets * 9 / 10, maxBuckets, excess);
        } finally {
            sweeping.unlock();
        }
    }
}
