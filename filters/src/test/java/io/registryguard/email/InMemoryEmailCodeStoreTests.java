package io.registryguard.email;

import io.registryguard.testsupport.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import io.registryguard.email.TryReservation.Status;
import org.junit.jupiter.api.Test;

class InMemoryEmailCodeStoreTests {

    private final MutableClock clock = MutableClock.at("2024-03-25T12:00:00Z");
    private final InMemoryEmailCodeStore store = new InMemoryEmailCodeStore(clock, 3);

    private static final byte[] HASH = new byte[32];
    private static final byte[] OTHER_HASH = new byte[32];

    static {
        OTHER_HASH[0] = 1;
    }

    private static CodeKey key(String account) {
        return new CodeKey(account, CodePurpose.ENROLL);
    }

    private StoredCode code(int tries) {
        Instant expires = clock.instant().plus(Duration.ofMinutes(10));
        return new StoredCode(HASH, expires, expires.plus(Duration.ofMinutes(10)), tries);
    }

    private TryReservation reserve(String account) {
        return store.reserveTry(key(account), clock.instant()).block();
    }

    @Test
    void reserveWhenLiveCodeThenHashAndOneTryLess() {
        store.put(key("alice"), code(2)).block();

        assertThat(reserve("alice")).isEqualTo(TryReservation.reserved(HASH, 1));
        assertThat(reserve("alice")).isEqualTo(TryReservation.reserved(HASH, 0));
        assertThat(reserve("alice").status()).isEqualTo(Status.BURNED);
    }

    @Test
    void reserveWhenExpiredThenExpiredUntilForgotten() {
        store.put(key("alice"), code(5)).block();

        clock.advance(Duration.ofMinutes(10));
        assertThat(reserve("alice").status()).isEqualTo(Status.EXPIRED);
        clock.advance(Duration.ofMinutes(10));
        assertThat(reserve("alice").status()).isEqualTo(Status.NONE);
    }

    @Test
    void consumeWhenHashMatchesThenRemovedOnce() {
        store.put(key("alice"), code(5)).block();

        assertThat(store.consume(key("alice"), OTHER_HASH).block()).isFalse();
        assertThat(store.consume(key("alice"), HASH).block()).isTrue();
        assertThat(store.consume(key("alice"), HASH).block()).isFalse();
        assertThat(reserve("alice").status()).isEqualTo(Status.NONE);
    }

    @Test
    void putWhenFullThenOldestDropped() {
        for (String account : new String[] {"a", "b", "c", "d"}) {
            store.put(key(account), code(5)).block();
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(store.size()).isEqualTo(3);
        assertThat(reserve("a").status()).isEqualTo(Status.NONE);
        assertThat(reserve("d").status()).isEqualTo(Status.RESERVED);
    }

    @Test
    void putWhenKeyReissuedThenItBecomesYoungest() {
        store.put(key("a"), code(5)).block();
        store.put(key("b"), code(5)).block();
        store.put(key("c"), code(5)).block();
        store.put(key("a"), code(5)).block();
        store.put(key("d"), code(5)).block();

        assertThat(reserve("b").status()).isEqualTo(Status.NONE);
        assertThat(reserve("a").status()).isEqualTo(Status.RESERVED);
    }

    @Test
    void putWhenOldEntriesForgottenThenEvicted() {
        var roomy = new InMemoryEmailCodeStore(clock, 100);
        roomy.put(key("a"), code(5)).block();
        roomy.put(key("b"), code(5)).block();
        clock.advance(Duration.ofMinutes(20));

        roomy.put(key("c"), code(5)).block();

        assertThat(roomy.size()).isEqualTo(1);
    }

    @Test
    void storedCodeWhenPrintedThenHashHidden() {
        byte[] hash = new byte[32];
        Arrays.fill(hash, (byte) 0x41);
        StoredCode stored = new StoredCode(hash, Instant.EPOCH, Instant.EPOCH, 5);

        assertThat(stored.toString()).doesNotContain("AAAA").doesNotContain("65, 65").contains("hidden");
    }

    @Test
    void constructWhenNoRoomThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new InMemoryEmailCodeStore(clock, 0));
    }
}
