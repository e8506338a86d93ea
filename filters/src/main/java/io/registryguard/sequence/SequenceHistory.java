package io.registryguard.sequence;

import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The sensitive events the gateway forwarded, per account and per project, kept for the longest window of the
 * sequence rules ({@code SequencePolicy.longestWindow()}) and then forgotten. In memory,
 * {@link InMemorySequenceHistory}; shared by every replica, {@link RedisSequenceHistory}. Nothing happens until the
 * returned publisher is subscribed.
 */
public interface SequenceHistory {

    /** Remembers a forwarded event under every history it belongs to ({@link HistoryKey#of}). */
    Mono<Void> remember(SensitiveEvent event);

    /**
     * The events of one history at or after {@code since} (and not older than the retention), oldest first; events
     * of the same millisecond in no particular order. An error when the store cannot answer.
     */
    Flux<SensitiveEvent> recent(HistoryKey key, Instant since);
}
