package io.registryguard.gateway.audit;

import io.registryguard.audit.InMemoryAuditTrail;
import io.registryguard.audit.RedisAuditSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The audit trail's bounds, under {@code guard.audit.*}.
 *
 * @param streamMaxLength with Redis: the stream {@code guard:audit} keeps about this many newest events
 *                        ({@code XADD MAXLEN ~}); about 275 bytes of Redis memory per typical
 *                        event, so some 300 MB at the default
 * @param memoryCapacity  without Redis: how many newest events this instance keeps
 * @param scanLimit       with Redis: a query reads at most this many stream entries
 */
@ConfigurationProperties("guard.audit")
@Validated
record AuditProperties(
        @DefaultValue("" + RedisAuditSettings.DEFAULT_MAX_LENGTH) @Min(1000) long streamMaxLength,
        @DefaultValue("" + InMemoryAuditTrail.DEFAULT_CAPACITY) @Min(100) @Max(1_000_000) int memoryCapacity,
        @DefaultValue("" + RedisAuditSettings.DEFAULT_SCAN_LIMIT) @Min(RedisAuditSettings.DEFAULT_PAGE_SIZE)
        @Max(1_000_000) int scanLimit) {

    RedisAuditSettings redisSettings() {
        return RedisAuditSettings.defaults().withMaxLength(streamMaxLength)
                .withScan(scanLimit, RedisAuditSettings.DEFAULT_PAGE_SIZE);
    }
}
