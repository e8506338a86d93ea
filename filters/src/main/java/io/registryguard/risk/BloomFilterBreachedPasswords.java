package io.registryguard.risk;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import reactor.core.publisher.Mono;

/**
 * Breached passwords answered offline from a Bloom filter built by {@link BreachedPasswordsBloom}: no third
 * party sees even a prefix, at the cost of false positives at the filter's rate (a false positive only asks for
 * more proof, never refuses a login outright).
 */
public final class BloomFilterBreachedPasswords implements BreachedPasswords {

    private final BloomFilter filter;

    public BloomFilterBreachedPasswords(BloomFilter filter) {
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    /** Reads the file: blocking, call at startup (or on {@code Schedulers.boundedElastic()}). */
    public static BloomFilterBreachedPasswords load(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return new BloomFilterBreachedPasswords(BloomFilter.readFrom(in));
        } catch (IOException e) {
            throw new IOException("cannot load breached-password filter " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Mono<Boolean> isBreached(String sha1Hex) {
        return Mono.fromSupplier(() -> filter.mightContain(sha1Hex));
    }
}
