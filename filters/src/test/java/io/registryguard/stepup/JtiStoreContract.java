package io.registryguard.stepup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.registryguard.testsupport.Race;
import reactor.test.StepVerifier;

/**
 * What every {@link JtiStore} does, run against each implementation so they behave alike. Time is the real
 * clock's (a Redis key's expiry is on Redis's clock); ids are random per test.
 */
abstract class JtiStoreContract {

    static final int RACERS = 20;

    final String jti = "jti-" + UUID.randomUUID();
    final Instant inFiveMinutes = Instant.now().plus(Duration.ofMinutes(5));

    /** The store under test, on the system clock; the same instance for the whole test. */
    abstract JtiStore store();

    @Test
    void burnWhenFirstTimeThenTrueAndAfterwardsFalse() {
        StepVerifier.create(store().burn(jti, inFiveMinutes)).expectNext(true).verifyComplete();
        StepVerifier.create(store().burn(jti, inFiveMinutes)).expectNext(false).verifyComplete();
        StepVerifier.create(store().burn(jti, inFiveMinutes.plusSeconds(60))).expectNext(false).verifyComplete();
    }

    @Test
    void burnWhenOtherIdThenIndependent() {
        store().burn(jti, inFiveMinutes).block();

        StepVerifier.create(store().burn(jti + "-other", inFiveMinutes)).expectNext(true).verifyComplete();
    }

    @Test
    void burnWhenNotSubscribedThenNothingBurned() {
        store().burn(jti, inFiveMinutes);

        StepVerifier.create(store().burn(jti, inFiveMinutes)).expectNext(true).verifyComplete();
    }

    @Test
    void burnWhenExpiryAlreadyPassedThenNotRemembered() {
        Instant past = Instant.now().minus(Duration.ofMinutes(1));

        StepVerifier.create(store().burn(jti, past)).expectNext(true).verifyComplete();
        StepVerifier.create(store().burn(jti, past)).expectNext(true).verifyComplete();
    }

    @Test
    void burnWhenTwentyRaceOnOneIdThenExactlyOneWins() throws Exception {
        List<Boolean> burned = Race.of(RACERS, () -> store().burn(jti, inFiveMinutes).block());

        assertThat(burned).hasSize(RACERS).containsOnlyOnce(true);
    }
}
