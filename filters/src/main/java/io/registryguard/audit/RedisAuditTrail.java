package io.registryguard.audit;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The audit trail as one Redis stream shared by every replica: {@code XADD guard:audit MAXLEN ~ 1000000 * field
 * value …} per event (fields: {@link AuditStreamFields}), no expiry, nothing deleted by account.
 *
 * <p>A query walks the stream newest first with {@code XREVRANGE} between ids derived from {@code since} and
 * {@code until}, in pages of {@code pageSize}, filtering account and address here, and stops at {@code limit}
 * matches, at the end of the window, or after reading {@code scanLimit} entries (10,000 by default; logged, so
 * an operator knows to narrow the window). Entry ids are Redis's arrival time while the window is on the event's
 * own time, so the id range is widened by {@link #ID_MARGIN} on both sides and the time checked exactly here; an
 * event recorded more than that long after its {@code time} may be missed by a windowed query.
 */
public final class RedisAuditTrail implements AuditTrail {

    /** How far an event's time and its entry's id (Redis's clock at XADD) may drift apart and still be found. */
    static final Duration ID_MARGIN = Duration.ofMinutes(5);
    /** Far beyond any real event, near enough that milliseconds still fit in a long. */
    private static final Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE / 2);

    private static final Logger log = LoggerFactory.getLogger(RedisAuditTrail.class);

    private final RedisAsyncCommands<byte[], byte[]> redis;
    private final RedisAuditSettings settings;
    private final byte[] key;
    private final AuditMetrics metrics;

    /** @param connection the shared Lettuce connection ({@code RateLimitRedis.connection()}) */
    public RedisAuditTrail(StatefulRedisConnection<byte[], byte[]> connection, RedisAuditSettings settings,
            AuditMetrics metrics) {
        this.redis = Objects.requireNonNull(connection, "connection").async();
        this.settings = Objects.requireNonNull(settings, "settings");
        this.key = settings.key().getBytes(UTF_8);
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public Mono<Void> record(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        return Mono.defer(() -> {
            AuditLog.write(event);
            metrics.recorded(event.type());
            return Mono.fromCompletionStage(() -> redis.xadd(key,
                            XAddArgs.Builder.maxlen(settings.maxLength()).approximateTrimming(),
                            AuditStreamFields.encode(event)))
                    .then()
                    // Auditing must never break what it audits: the log line above is the copy that survives.
                    .onErrorResume(e -> {
                        metrics.writeFailed();
                        log.warn("audit: {} event logged but not written to the Redis stream {} ({}: {})",
                                event.type(), settings.key(), e.getClass().getSimpleName(), e.getMessage());
                        return Mono.empty();
                    });
        });
    }

    @Override
    public Flux<AuditEvent> query(AuditQuery query) {
        Objects.requireNonNull(query, "query");
        String lower = lowerId(query.since());
        String upper = upperId(query.until());
        // The first page asks for just enough when every entry in the window matches (no account or address);
        // later pages, needed only when entries were filtered out, are full ones.
        int first = query.filtersSubjects() ? settings.pageSize() : Math.min(settings.pageSize(), query.limit());
        return Flux.defer(() -> scan(query, lower, upper, first, settings.scanLimit(), new ArrayList<>()))
                .flatMapIterable(found -> found);
    }

    /** One page from {@code upper} down, then the next below its last id, until done. */
    private Mono<List<AuditEvent>> scan(AuditQuery query, String lower, String upper, int pageSize, int budget,
            List<AuditEvent> found) {
        int count = Math.min(budget, pageSize);
        return Mono.fromCompletionStage(() -> redis.xrevrange(key, Range.create(lower, upper), Limit.from(count)))
                // Decoding a page is CPU work: off Lettuce's event loop, which the rate limiter shares.
                .publishOn(Schedulers.parallel())
                .flatMap(page -> {
                    for (StreamMessage<byte[], byte[]> message : page) {
                        AuditEvent event = decode(message);
                        if (event != null && query.matches(event)) {
                            found.add(event);
                            if (found.size() == query.limit()) {
                                return Mono.just(found);
                            }
                        }
                    }
                    String below = page.size() < count ? null : before(page.get(page.size() - 1).getId());
                    if (below == null) {
                        return Mono.just(found);
                    }
                    if (budget - page.size() <= 0) {
                        log.info("audit: a query stopped after reading {} stream entries (the scan limit) with {}"
                                + " found; narrow since/until to look further back", settings.scanLimit(),
                                found.size());
                        return Mono.just(found);
                    }
                    return scan(query, lower, below, settings.pageSize(), budget - page.size(), found);
                });
    }

    /** The lowest id a window from {@code since} may hold ({@code -} for none or before the epoch). */
    static String lowerId(Instant since) {
        if (since == null || !since.isAfter(Instant.EPOCH.plus(ID_MARGIN))) {
            return "-";
        }
        return Long.toString((since.isAfter(LATEST) ? LATEST : since).minus(ID_MARGIN).toEpochMilli());
    }

    /** The highest id a window until {@code until} may hold ({@code +} for none or beyond any id). */
    static String upperId(Instant until) {
        if (until == null || until.isAfter(LATEST)) {
            return "+";
        }
        return Long.toString(Math.max(0, until.plus(ID_MARGIN).toEpochMilli()));
    }

    private static AuditEvent decode(StreamMessage<byte[], byte[]> message) {
        try {
            return AuditStreamFields.decode(message.getBody());
        } catch (RuntimeException e) {
            log.warn("audit: skipped stream entry {}, not an audit event ({})", message.getId(),
                    e.getClass().getSimpleName());
            return null;
        }
    }

    /** The greatest id below {@code id} ({@code ms-seq}), or null below the first possible one. */
    static String before(String id) {
        int dash = id.indexOf('-');
        long ms = Long.parseLong(id.substring(0, dash));
        long seq = Long.parseUnsignedLong(id.substring(dash + 1));
        if (seq != 0) {
            return ms + "-" + Long.toUnsignedString(seq - 1);
        }
        // An id of milliseconds alone, as the end of a range, means the last sequence number of that millisecond.
        return ms == 0 ? null : Long.toString(ms - 1);
    }

    /** For tests: the stream's key. */
    byte[] key() {
        return key;
    }
}
