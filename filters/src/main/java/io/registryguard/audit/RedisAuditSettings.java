package io.registryguard.audit;

import java.util.Objects;

/**
 * Where and how much {@link RedisAuditTrail} keeps and reads.
 *
 * @param key       the stream, {@value #DEFAULT_KEY}
 * @param maxLength the stream keeps about this many newest events ({@code XADD MAXLEN ~}: Redis trims whole
 *                  internal nodes, so up to one node, 100 entries by default, more may stay); 1,000,000 by
 *                  default. A typical login event takes about 275 bytes in Redis: the default is some 300 MB
 * @param scanLimit a query reads at most this many stream entries, however few match; 10,000 by default
 * @param pageSize  entries per {@code XREVRANGE} call while scanning; 1,000 by default
 */
public record RedisAuditSettings(String key, long maxLength, int scanLimit, int pageSize) {

    public static final String DEFAULT_KEY = "guard:audit";
    public static final long DEFAULT_MAX_LENGTH = 1_000_000;
    public static final int DEFAULT_SCAN_LIMIT = 10_000;
    public static final int DEFAULT_PAGE_SIZE = 1_000;

    public RedisAuditSettings {
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("key: must not be blank");
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength: must be at least 1");
        }
        if (pageSize < 1 || pageSize > scanLimit) {
            throw new IllegalArgumentException("pageSize: must be between 1 and scanLimit (" + scanLimit + ")");
        }
    }

    public static RedisAuditSettings defaults() {
        return new RedisAuditSettings(DEFAULT_KEY, DEFAULT_MAX_LENGTH, DEFAULT_SCAN_LIMIT, DEFAULT_PAGE_SIZE);
    }

    public RedisAuditSettings withKey(String key) {
        return new RedisAuditSettings(key, maxLength, scanLimit, pageSize);
    }

    public RedisAuditSettings withMaxLength(long maxLength) {
        return new RedisAuditSettings(key, maxLength, scanLimit, pageSize);
    }

    public RedisAuditSettings withScan(int scanLimit, int pageSize) {
        return new RedisAuditSettings(key, maxLength, scanLimit, pageSize);
    }
}
