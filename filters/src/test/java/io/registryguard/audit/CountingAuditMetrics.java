package io.registryguard.audit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts what a trail reports. */
final class CountingAuditMetrics implements AuditMetrics {

    final List<String> recorded = new CopyOnWriteArrayList<>();
    final AtomicInteger writeFailures = new AtomicInteger();

    @Override
    public void recorded(String type) {
        recorded.add(type);
    }

    @Override
    public void writeFailed() {
        writeFailures.incrementAndGet();
    }
}
