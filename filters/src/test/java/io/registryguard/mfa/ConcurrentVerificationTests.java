package io.registryguard.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class ConcurrentVerificationTests {

    @Test
    void verifyWhenTwoConcurrentVerificationsOfOneCodeThenExactlyOneAccepted() {
        BothReadFirstStore store = new BothReadFirstStore(new InMemoryFactorStore());
        ServiceFixture fixture = new ServiceFixture(store);
        TotpSecret secret = fixture.enroll("alice").secret();
        long stepBefore = store.delegate.find("alice").block().lastTotpStep();
        store.arm();
        String code = fixture.code(secret, 0);

        StepVerifier.create(Mono.zip(fixture.service.verify("alice", code), fixture.service.verify("alice", code)))
                .assertNext(both -> assertThat(List.of(both.getT1().accepted(), both.getT2().accepted()))
                        .containsExactlyInAnyOrder(true, false))
                .verifyComplete();
        // Both had read the step before either advanced it: the store's compare-and-set decided.
        assertThat(store.stepsRead).containsExactly(stepBefore, stepBefore);
    }

    @Test
    void verifyWhenThreadsRaceWithOneCodeThenExactlyOneAcceptedEachStep() throws Exception {
        ServiceFixture fixture = new ServiceFixture();
        TotpSecret secret = fixture.enroll("alice").secret();
        for (int round = 0; round < 30; round++) {
            fixture.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
            String code = fixture.code(secret, 0);

            List<Boolean> accepted = InMemoryFactorStoreTests.race(4,
                    () -> fixture.service.verify("alice", code).block().accepted());

            assertThat(accepted).as("round %d", round).containsOnlyOnce(true);
        }
    }

    @Test
    void verifyWhenThreadsRaceWithOneRecoveryCodeThenExactlyOneAccepted() throws Exception {
        ServiceFixture fixture = new ServiceFixture();
        ServiceFixture.Enrollment enrollment = fixture.enroll("alice");
        for (String code : enrollment.recoveryCodes()) {
            List<Boolean> accepted = InMemoryFactorStoreTests.race(4,
                    () -> fixture.service.verify("alice", code).block().accepted());

            assertThat(accepted).as(code).containsOnlyOnce(true);
        }
    }

    /**
     * Once armed, holds each {@code find} after it has read until two have read, so two verifications
     * see the same last step and only the store's compare-and-set can tell them apart.
     */
    private static final class BothReadFirstStore implements FactorStore {

        final FactorStore delegate;
        final List<Long> stepsRead = new CopyOnWriteArrayList<>();
        private final AtomicInteger reads = new AtomicInteger();
        private final Sinks.Empty<Void> bothRead = Sinks.empty();
        private volatile boolean armed;

        BothReadFirstStore(FactorStore delegate) {
            this.delegate = delegate;
        }

        void arm() {
            armed = true;
        }

        @Override
        public Mono<EnrolledFactors> find(String account) {
            if (!armed) {
                return delegate.find(account);
            }
            return delegate.find(account).delayUntil(factors -> {
                stepsRead.add(factors.lastTotpStep());
                if (reads.incrementAndGet() == 2) {
                    bothRead.tryEmitEmpty();
                }
                return bothRead.asMono();
            });
        }

        @Override
        public Mono<Void> save(EnrolledFactors factors) {
            return delegate.save(factors);
        }

        @Override
        public Mono<Boolean> consumeRecoveryCode(String account, String codeHash) {
            return delegate.consumeRecoveryCode(account, codeHash);
        }

        @Override
        public Mono<Boolean> advanceTotpStep(String account, long step) {
            return delegate.advanceTotpStep(account, step);
        }

        @Override
        public Mono<Boolean> replaceRecoveryCodes(String account, Set<String> codeHashes) {
            return delegate.replaceRecoveryCodes(account, codeHashes);
        }

        @Override
        public Mono<Void> delete(String account) {
            return delegate.delete(account);
        }
    }
}
