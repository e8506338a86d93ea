package io.registryguard.risk;

import io.registryguard.policy.risk.PwnedPasswordsSettings;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

/**
 * Have I Been Pwned's k-anonymity range API: only the first 5 hex digits of the SHA-1 leave the gateway
 * ({@code GET /range/{prefix}}, padded so the answer's size does not reveal the prefix either). Answers are
 * cached per prefix for {@code cacheTtl}; a lookup fails after {@code timeout} and then answers as
 * {@code onFailure} says.
 */
public final class PwnedPasswordsClient implements BreachedPasswords {

    private static final Pattern SHA1_HEX = Pattern.compile("[0-9A-F]{40}");

    private final WebClient client;
    private final PwnedPasswordsSettings settings;
    private final Clock clock;
    private final Map<String, CachedRange> cache;

    public PwnedPasswordsClient(WebClient.Builder builder, PwnedPasswordsSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = builder.baseUrl(settings.baseUrl().toString())
                .defaultHeader("Add-Padding", "true")
                .defaultHeader("User-Agent", "registry-guard")
                .build();
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CachedRange> eldest) {
                return size() > settings.cacheSize();
            }
        };
    }

    @Override
    public Mono<Boolean> isBreached(String sha1Hex) {
        String hash = Objects.requireNonNull(sha1Hex, "sha1Hex").toUpperCase(Locale.ROOT);
        if (!SHA1_HEX.matcher(hash).matches()) {
            return Mono.error(new IllegalArgumentException("sha1Hex must be 40 hex digits"));
        }
        String prefix = hash.substring(0, 5);
        String suffix = hash.substring(5);
        return range(prefix).map(suffixes -> suffixes.contains(suffix)).onErrorResume(this::onFailure);
    }

    private Mono<Set<String>> range(String prefix) {
        Set<String> cached = cached(prefix);
        if (cached != null) {
            return Mono.just(cached);
        }
        return client.get().uri("/range/{prefix}", prefix)
                .retrieve()
                .bodyToMono(String.class)
                .defaultIfEmpty("")
                .timeout(settings.timeout())
                .map(PwnedPasswordsRange::breachedSuffixes)
                .doOnNext(suffixes -> store(prefix, suffixes));
    }

    private Mono<Boolean> onFailure(Throwable error) {
        return switch (settings.onFailure()) {
            case ERROR -> Mono.error(error);
            case NOT_BREACHED -> Mono.just(false);
            case BREACHED -> Mono.just(true);
        };
    }

    private synchronized Set<String> cached(String prefix) {
        CachedRange range = cache.get(prefix);
        if (range == null) {
            return null;
        }
        if (!clock.instant().isBefore(range.expiresAt())) {
            cache.remove(prefix);
            return null;
        }
        return range.suffixes();
    }

    private synchronized void store(String prefix, Set<String> suffixes) {
        cache.put(prefix, new CachedRange(Set.copyOf(suffixes), clock.instant().plus(settings.cacheTtl())));
    }

    private record CachedRange(Set<String> suffixes, Instant expiresAt) {
    }
}
