package io.registryguard.sequence;

import static io.registryguard.sequence.Events.invite;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.registryguard.policy.SequencePolicy;
import io.registryguard.policy.SequencePolicy.Action;
import io.registryguard.policy.SequencePolicy.InviteBurst;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Combining the rules, following the policy as it is reloaded, and passing the history's errors on. */
class SequenceRulesTests {

    private static final Instant AT = Instant.parse("2023-11-14T08:44:55Z");

    private final MutableClock clock = new MutableClock(AT);
    private final InMemorySequenceHistory history = new InMemorySequenceHistory(Duration.ofDays(1), clock);

    @Test
    void stricterWhenDenyAndStepUpThenDenyWhicheverCameFirst() {
        SequenceDecision deny = new SequenceDecision.Denied("a", List.of());
        SequenceDecision stepUp = new SequenceDecision.StepUpRequired("b", List.of());

        assertThat(SequenceRules.stricter(stepUp, deny)).isSameAs(deny);
        assertThat(SequenceRules.stricter(deny, stepUp)).isSameAs(deny);
        assertThat(SequenceRules.stricter(SequenceDecision.ALLOWED, stepUp)).isSameAs(stepUp);
        assertThat(SequenceRules.stricter(stepUp, SequenceDecision.ALLOWED)).isSameAs(stepUp);
        SequenceDecision otherDeny = new SequenceDecision.Denied("c", List.of());
        assertThat(SequenceRules.stricter(deny, otherDeny)).isSameAs(deny);
    }

    @Test
    void evaluateWhenThePolicyIsReloadedThenTheNewThresholdsApplyAtOnce() {
        SequencePolicy defaults = SequencePolicy.DEFAULTS;
        AtomicReference<SequencePolicy> current = new AtomicReference<>(defaults);
        SequenceRules rules = new SequenceRules(current::get, history, AccountAges.unknown());
        history.remember(invite(AT, "victim", "alpha", "mallory")).block();
        SensitiveEvent second = invite(AT.plusSeconds(1), "victim", "beta", "mallory");

        assertThat(rules.evaluate(second).block().allowed()).isTrue();
        current.set(new SequencePolicy(defaults.ownerRemovalAfterInvite(), defaults.accountDeletionAfterRoleLoss(),
                new InviteBurst(2, Duration.ofHours(1), Action.DENY)));
        assertThat(rules.evaluate(second).block()).isInstanceOf(SequenceDecision.Denied.class);
    }

    @Test
    void evaluateWhenTheHistoryFailsThenTheErrorIsEmitted() {
        SequenceHistory failing = new SequenceHistory() {
            @Override
            public Mono<Void> remember(SensitiveEvent event) {
                return Mono.empty();
            }

            @Override
            public Flux<SensitiveEvent> recent(HistoryKey key, Instant since) {
                return Flux.error(new IllegalStateException("redis down"));
            }
        };
        SequenceRules rules = new SequenceRules(SequencePolicy.DEFAULTS, failing, AccountAges.unknown());

        StepVerifier.create(rules.evaluate(invite(AT, "victim", "alpha", "mallory")))
                .expectErrorMessage("redis down").verify();
    }

    @Test
    void evaluateWhenAnActionNoRuleLooksAtThenAllowedWithoutReadingTheHistory() {
        SequenceHistory untouchable = new SequenceHistory() {
            @Override
            public Mono<Void> remember(SensitiveEvent event) {
                throw new AssertionError("not expected");
            }

            @Override
            public Flux<SensitiveEvent> recent(HistoryKey key, Instant since) {
                throw new AssertionError("no rule reads the history for " + key);
            }
        };
        SequenceRules rules = new SequenceRules(SequencePolicy.DEFAULTS, untouchable, AccountAges.unknown());

        assertThat(rules.evaluate(Events.accept(AT, "mallory")).block()).isSameAs(SequenceDecision.ALLOWED);
        assertThat(rules.evaluate(new SensitiveEvent(AT, "victim", SensitiveEvent.Kind.PROJECT_DELETED, "alpha", null,
                null)).block()).isSameAs(SequenceDecision.ALLOWED);
    }
}
