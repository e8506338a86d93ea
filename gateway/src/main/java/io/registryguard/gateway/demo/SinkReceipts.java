package io.registryguard.gateway.demo;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Hands each sink receipt from {@link UploadSinkFilter} to {@link UploadSinkTransformer}, keyed by serve event id. */
final class SinkReceipts {

    private final Map<UUID, SinkReceipt> pending = new ConcurrentHashMap<>();

    void put(UUID serveEventId, SinkReceipt receipt) {
        pending.put(serveEventId, receipt);
    }

    Optional<SinkReceipt> take(UUID serveEventId) {
        return Optional.ofNullable(pending.remove(serveEventId));
    }
}
