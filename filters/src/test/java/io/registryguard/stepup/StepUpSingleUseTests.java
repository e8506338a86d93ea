package io.registryguard.stepup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class StepUpSingleUseTests {

    private static final StepUpRequirement SINGLE_USE =
            StepUpRequirement.of(Duration.ofMinutes(5), Set.of(StepUpAmr.OTP), true);

    private final StepUpFixture fx = new StepUpFixture();

    @Test
    void checkWhenSingleUseTokenUsedTwiceThenSecondReplayed() {
        String token = fx.issue();

        StepVerifier.create(check(token))
                .assertNext(decision -> assertThat(decision.allowed()).isTrue())
                .verifyComplete();
        StepVerifier.create(check(token))
                .assertNext(decision -> assertThat(decision).isInstanceOfSatisfying(StepUpDecision.Challenged.class,
                        c -> assertThat(c.reason()).isEqualTo(StepUpRejection.REPLAYED)))
                .verifyComplete();
    }

    @Test
    void checkWhenRouteNotSingleUseThenTokenServesAgain() {
        String token = fx.issue();

        assertThat(fx.check(token).allowed()).isTrue();
        assertThat(fx.check(token).allowed()).isTrue();
        assertThat(fx.jtiStore.size()).isZero();
    }

    @Test
    void checkWhenManyConcurrentChecksOfOneSingleUseTokenThenExactlyOneAllowed() {
        String token = fx.issue();

        Mono<List<StepUpDecision>> racing = Flux.range(0, 32)
                .flatMap(i -> check(token).subscribeOn(Schedulers.parallel()))
                .collectList();

        StepVerifier.create(racing)
                .assertNext(decisions -> {
                    assertThat(decisions).hasSize(32);
                    assertThat(decisions).filteredOn(StepUpDecision::allowed).hasSize(1);
                    assertThat(decisions).filteredOn(d -> !d.allowed())
                            .allSatisfy(d -> assertThat(((StepUpDecision.Challenged) d).reason())
                                    .isEqualTo(StepUpRejection.REPLAYED));
                })
                .verifyComplete();
    }

    @Test
    void checkWhenSingleUseThenBurnedUntilExpiryPlusSkew() {
        AtomicReference<Instant> burnedUntil = new AtomicReference<>();
        JtiStore recording = (jti, expiresAt) -> {
            burnedUntil.set(expiresAt);
            return Mono.just(true);
        };
        StepUpGuard guard = new StepUpGuard(fx.keys::get, fx.settings, recording, fx.clock);

        StepVerifier.create(guard.check(SINGLE_USE, StepUpFixture.ROUTE, StepUpFixture.SESSION, StepUpFixture.SUBJECT, Optional.of(fx.issue())))
                .assertNext(decision -> assertThat(decision.allowed()).isTrue())
                .verifyComplete();
        assertThat(burnedUntil.get())
                .isEqualTo(fx.clock.instant().plus(fx.settings.tokenLifetime()).plus(fx.settings.clockSkew()));
    }

    @Test
    void checkWhenTokenRejectedThenNothingBurned() {
        String token = fx.guard.issue(StepUpFixture.SUBJECT, "session-2", StepUpFixture.ROUTE, fx.clock.instant(), Set.of(StepUpAmr.OTP));

        StepVerifier.create(check(token))
                .assertNext(decision -> assertThat(decision.allowed()).isFalse())
                .verifyComplete();
        assertThat(fx.jtiStore.size()).isZero();
    }

    @Test
    void checkWhenJtiStoreFailsThenErrorReachesCaller() {
        JtiStore down = (jti, expiresAt) -> Mono.error(new IllegalStateException("redis down"));
        StepUpGuard guard = new StepUpGuard(fx.keys::get, fx.settings, down, fx.clock);

        StepVerifier.create(guard.check(SINGLE_USE, StepUpFixture.ROUTE, StepUpFixture.SESSION, StepUpFixture.SUBJECT, Optional.of(fx.issue())))
                .verifyErrorMessage("redis down");
    }

    private Mono<StepUpDecision> check(String token) {
        return fx.guard.check(SINGLE_USE, StepUpFixture.ROUTE, StepUpFixture.SESSION, StepUpFixture.SUBJECT, Optional.of(token));
    }
}
