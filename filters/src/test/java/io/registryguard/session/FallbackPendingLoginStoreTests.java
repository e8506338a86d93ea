package io.registryguard.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class FallbackPendingLoginStoreTests {

    private static final PendingLoginStore BROKEN = new PendingLoginStore() {
        @Override
        public Mono<Void> save(PendingLogin login, Duration ttl) {
            return Mono.error(new IllegalStateException("redis down"));
        }

        @Override
        public Mono<PendingLogin> find(String id) {
            return Mono.error(new IllegalStateException("redis down"));
        }

        @Override
        public Mono<PendingLogin> take(String id) {
            return Mono.error(new IllegalStateException("redis down"));
        }
    };

    private static PendingLogin login(String id) {
        return new PendingLogin(id, "alice", List.of("session_id=x"), "/", "198.51.100.1", "ua", Instant.now(), false,
                null);
    }

    @Test
    void saveWhenSharedStoreFailsThenKeptLocallyAndTakenOnce() {
        var store = new FallbackPendingLoginStore(BROKEN, new InMemoryPendingLoginStore(Clock.systemUTC()));

        store.save(login("a"), Duration.ofMinutes(5)).block();

        assertThat(store.find("a").block()).isNotNull();
        assertThat(store.take("a").block()).isNotNull();
        assertThat(store.take("a").block()).isNull();
    }

    @Test
    void findWhenSharedStoreWorksThenItsAnswer() {
        var shared = new InMemoryPendingLoginStore(Clock.systemUTC());
        var store = new FallbackPendingLoginStore(shared, new InMemoryPendingLoginStore(Clock.systemUTC()));
        store.save(login("b"), Duration.ofMinutes(5)).block();

        assertThat(shared.find("b").block()).isNotNull();
        assertThat(store.take("b").block().username()).isEqualTo("alice");
        assertThat(shared.find("b").block()).isNull();
    }
}
