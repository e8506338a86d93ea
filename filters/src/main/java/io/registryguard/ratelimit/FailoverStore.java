package io.registryguard.ratelimit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.ConsumptionProbe;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.registryguard.ratelimit.Probe.Source;
import io.registryguard.ratelimit.RateLimitMetrics.Outcome;
import io.registryguard.ratelimit.RateLimitMetrics.StoreError;

/**
 * Asks the shared store behind a circuit breaker, and when it cannot answer, lets each limit's
 * {@code on-store-failure} mode decide: the local buckets ({@code local}), let through ({@code open}) or refuse
 * ({@code closed}). A bucket so contended that compare-and-swap keeps losing refuses the attempt, whatever the mode.
 * Without a shared store, the local buckets are simply the store.
 */
final class FailoverStore {

    /** The least Retry-After a {@code closed} refusal gives: a client retrying sooner would only be refused again. */
    static final Duration MIN_CLOSED_RETRY = Duration.ofSeconds(1);

    private final BucketStore shared;
    private final LocalBucketStore local;
    private final CircuitBreaker breaker;
    private final RateLimitMetrics metrics;

    /** @param shared Redis, or null to keep every bucket in {@code local} (then {@code breaker} is null too) */
    FailoverStore(BucketStore shared, LocalBucketStore local, CircuitBreaker breaker, RateLimitMetrics metrics) {
        this.shared = shared;
        this.local = local;
        this.breaker = breaker;
        this.metrics = metrics;
    }

    CompletableFuture<Probe> tryConsume(BucketRef bucket) {
        if (shared == null) {
            return local.tryConsume(bucket).thenApply(p -> probe(bucket, Source.LOCAL, p));
        }
        if (!breaker.tryAcquire()) {
            return fallback(bucket);
        }
        return call(() -> shared.tryConsume(bucket)).handle((answer, error) -> {
            if (error == null) {
                breaker.onSuccess();
                return CompletableFuture.completedFuture(probe(bucket, Source.SHARED, answer));
            }
            if (failed(error) == StoreError.CONTENTION) {
                // Counting elsewhere could let a flood past the budget: refuse this attempt instead.
                return CompletableFuture.completedFuture(new Probe(bucket, Source.UNCOUNTED, false,
                        MIN_CLOSED_RETRY.toNanos(), Outcome.FAILED_CLOSED));
            }
            return fallback(bucket);
        }).thenCompose(f -> f);
    }

    /** Gives a reserved token back; a token held by an unreachable store stays taken (the safe side). */
    CompletableFuture<Void> refund(Reservation reservation) {
        return switch (reservation.source()) {
            case LOCAL -> local.refund(reservation.bucket());
            case UNCOUNTED -> CompletableFuture.completedFuture(null);
            case SHARED -> {
                if (!breaker.tryAcquire()) {
                    yield CompletableFuture.completedFuture(null);
                }
                yield call(() -> shared.refund(reservation.bucket())).handle((ok, error) -> {
                    if (error == null) {
                        breaker.onSuccess();
                    } else {
                        failed(error);
                    }
                    return null;
                });
            }
        };
    }

    /** Forgets the bucket everywhere; fails if the shared store cannot be reached (an admin should know). */
    CompletableFuture<Void> remove(BucketRef bucket) {
        local.remove(bucket);
        return shared == null ? CompletableFuture.completedFuture(null) : call(() -> shared.remove(bucket));
    }

    private CompletableFuture<Probe> fallback(BucketRef bucket) {
        String limit = bucket.limit().name();
        return switch (bucket.limit().limit().onStoreFailure()) {
            case LOCAL -> {
                metrics.fallback(limit);
                yield local.tryConsume(bucket).thenApply(p -> probe(bucket, Source.LOCAL, p));
            }
            case OPEN -> CompletableFuture.completedFuture(new Probe(bucket, Source.UNCOUNTED, true, 0,
                    Outcome.FAILED_OPEN));
            case CLOSED -> {
                Duration wait = breaker.remainingOpen().compareTo(MIN_CLOSED_RETRY) > 0 ? breaker.remainingOpen()
                        : MIN_CLOSED_RETRY;
                yield CompletableFuture.completedFuture(new Probe(bucket, Source.UNCOUNTED, false, wait.toNanos(),
                        Outcome.FAILED_CLOSED));
            }
        };
    }

    private StoreError failed(Throwable error) {
        StoreError kind = classify(error);
        metrics.storeError(kind);
        if (kind != StoreError.CONTENTION) {
            breaker.onFailure(); // contention means Redis answers: no reason to stop asking it
        }
        return kind;
    }

    static StoreError classify(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RedisCommandTimeoutException || cause instanceof TimeoutException
                || cause instanceof io.github.bucket4j.TimeoutException) {
            return StoreError.TIMEOUT;
        }
        if (cause instanceof RedisException) {
            return StoreError.UNAVAILABLE;
        }
        // Bucket4j reports exhausted compare-and-swap retries with this type and message only.
        if (cause instanceof BucketExceptions.BucketExecutionException && cause.getMessage() != null
                && cause.getMessage().startsWith("CAS operation failed")) {
            return StoreError.CONTENTION;
        }
        return cause instanceof BucketExceptions.BucketExecutionException && cause.getCause() instanceof RedisException
                ? StoreError.UNAVAILABLE : StoreError.OTHER;
    }

    private static Probe probe(BucketRef bucket, Source source, ConsumptionProbe answer) {
        return Probe.counted(bucket, source, answer.isConsumed(), answer.getNanosToWaitForRefill());
    }

    /** The store's future, with an exception thrown while issuing the call turned into a failed future. */
    private static <T> CompletableFuture<T> call(java.util.function.Supplier<CompletableFuture<T>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
