package io.registryguard.email;

import io.registryguard.testsupport.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.registryguard.email.TryReservation.Status;
import io.registryguard.testsupport.Race;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * What every {@link EmailCodeStore} does, run against each implementation so they behave alike. The clock
 * starts at the real "now" (a Redis key's expiry is on Redis's clock) and then moves by hand; accounts are
 * random per test, so a shared Redis needs no cleaning.
 */
abstract class EmailCodeStoreContract {

    static final Duration TTL = Duration.ofMinutes(10);
    static final int RACERS = 20;
    static final byte[] HASH = hash(1);
    static final byte[] NEWER_HASH = hash(2);

    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    final String alice = "alice-" + UUID.randomUUID();
    final CodeKey enroll = new CodeKey(alice, CodePurpose.ENROLL);

    /** The store under test, on {@link #clock}; the same instance for the whole test. */
    abstract EmailCodeStore store();

    static byte[] hash(int seed) {
        byte[] hash = new byte[32];
        for (int i = 0; i < hash.length; i++) {
            hash[i] = (byte) (seed * 37 + i * 11); // includes bytes a text encoding would mangle
        }
        return hash;
    }

    /** Expires one TTL from now, forgotten one TTL later, as {@link EmailVerification} issues them. */
    StoredCode code(byte[] hash, int tries) {
        Instant expires = clock.instant().plus(TTL);
        return new StoredCode(hash, expires, expires.plus(TTL), tries);
    }

    TryReservation reserve(CodeKey key) {
        return store().reserveTry(key, clock.instant()).block();
    }

    @Test
    void reserveTryWhenNothingPutThenNone() {
        StepVerifier.create(store().reserveTry(enroll, clock.instant())).expectNext(TryReservation.none())
                .verifyComplete();
    }

    @Test
    void reserveTryWhenLiveCodeThenHashAndOneTryLessUntilBurned() {
        store().put(enroll, code(HASH, 2)).block();

        assertThat(reserve(enroll)).isEqualTo(TryReservation.reserved(HASH, 1));
        assertThat(reserve(enroll)).isEqualTo(TryReservation.reserved(HASH, 0));
        assertThat(reserve(enroll)).isEqualTo(TryReservation.burned());
        assertThat(reserve(enroll)).isEqualTo(TryReservation.burned());
    }

    @Test
    void reserveTryWhenStoredWithoutTriesThenBurned() {
        store().put(enroll, code(HASH, 0)).block();

        assertThat(reserve(enroll)).isEqualTo(TryReservation.burned());
    }

    @Test
    void reserveTryWhenExpiredThenExpiredUntilForgottenThenNone() {
        store().put(enroll, code(HASH, 5)).block();

        clock.advance(TTL.minusMillis(1));
        assertThat(reserve(enroll).status()).isEqualTo(Status.RESERVED);
        clock.advance(Duration.ofMillis(1));
        assertThat(reserve(enroll)).isEqualTo(TryReservation.expired());
        clock.advance(TTL.minusMillis(1));
        assertThat(reserve(enroll)).isEqualTo(TryReservation.expired());
        clock.advance(Duration.ofMillis(1));
        assertThat(reserve(enroll)).isEqualTo(TryReservation.none());
    }

    @Test
    void reserveTryWhenExpiredThenNoTryUsedUp() {
        store().put(enroll, code(HASH, 5)).block();
        clock.advance(TTL);

        reserve(enroll);

        clock.advance(TTL.negated());
        assertThat(reserve(enroll)).isEqualTo(TryReservation.reserved(HASH, 4));
    }

    @Test
    void reserveTryWhenOtherAccountOrPurposeThenNone() {
        store().put(enroll, code(HASH, 5)).block();

        assertThat(reserve(new CodeKey(alice, CodePurpose.STEP_UP))).isEqualTo(TryReservation.none());
        assertThat(reserve(new CodeKey("bob-" + UUID.randomUUID(), CodePurpose.ENROLL)))
                .isEqualTo(TryReservation.none());
        assertThat(reserve(new CodeKey(alice.toUpperCase(), CodePurpose.ENROLL)))
                .as("keyed on the canonical account it is given (callers read names with the policy's accounts)")
                .isEqualTo(TryReservation.none());
    }

    @Test
    void putWhenCodeAlreadyThereThenReplacedWithItsTries() {
        store().put(enroll, code(HASH, 1)).block();
        reserve(enroll);

        store().put(enroll, code(NEWER_HASH, 5)).block();

        assertThat(reserve(enroll)).isEqualTo(TryReservation.reserved(NEWER_HASH, 4));
    }

    @Test
    void consumeWhenHashMatchesThenRemovedOnce() {
        store().put(enroll, code(HASH, 5)).block();

        StepVerifier.create(store().consume(enroll, NEWER_HASH)).expectNext(false).verifyComplete();
        StepVerifier.create(store().consume(enroll, HASH)).expectNext(true).verifyComplete();
        StepVerifier.create(store().consume(enroll, HASH)).expectNext(false).verifyComplete();
        assertThat(reserve(enroll)).isEqualTo(TryReservation.none());
    }

    @Test
    void consumeWhenNothingPutThenFalse() {
        StepVerifier.create(store().consume(enroll, HASH)).expectNext(false).verifyComplete();
    }

    @Test
    void consumeWhenNewerCodeReplacedItThenFalseAndNewerCodeKept() {
        store().put(enroll, code(HASH, 5)).block();
        TryReservation reserved = reserve(enroll);
        store().put(enroll, code(NEWER_HASH, 5)).block();

        StepVerifier.create(store().consume(enroll, reserved.hash())).expectNext(false).verifyComplete();
        assertThat(reserve(enroll)).isEqualTo(TryReservation.reserved(NEWER_HASH, 4));
    }

    @Test
    void reserveTryWhenTwentyRaceForFiveTriesThenEachTryHandedOutOnce() throws Exception {
        store().put(enroll, code(HASH, 5)).block();

        List<TryReservation> reservations = Race.of(RACERS, () -> reserve(enroll));

        assertThat(reservations).filteredOn(r -> r.status() == Status.RESERVED)
                .extracting(TryReservation::triesLeft).containsExactlyInAnyOrder(4, 3, 2, 1, 0);
        assertThat(reservations).filteredOn(r -> r.status() == Status.BURNED).hasSize(RACERS - 5);
    }

    @Test
    void consumeWhenTwentyRaceForOneCodeThenExactlyOneRemovesIt() throws Exception {
        store().put(enroll, code(HASH, 5)).block();

        List<Boolean> consumed = Race.of(RACERS, () -> store().consume(enroll, HASH).block());

        assertThat(consumed).hasSize(RACERS).containsOnlyOnce(true);
    }
}
