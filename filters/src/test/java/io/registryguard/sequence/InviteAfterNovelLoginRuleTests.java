package io.registryguard.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.registryguard.policy.SequencePolicy;
import io.registryguard.policy.SequencePolicy.Action;
import org.junit.jupiter.api.Test;

class InviteAfterNovelLoginRuleTests {

    private static final Instant LOGIN = Instant.parse("2024-03-20T10:00:00Z");

    private final InMemorySequenceHistory history = new InMemorySequenceHistory(Duration.ofDays(1),
            Clock.fixed(LOGIN.plus(Duration.ofHours(2)), ZoneOffset.UTC));
    private final InviteAfterNovelLoginRule rule = new InviteAfterNovelLoginRule(
            new SequencePolicy.InviteAfterNovelLogin(Duration.ofHours(1), Action.REQUIRE_STEP_UP), history);

    private static SensitiveEvent invite(Instant at, String actor) {
        return new SensitiveEvent(at, actor, SensitiveEvent.Kind.INVITE, "requests", "mallory", "Owner");
    }

    private void novelLogin(String account) {
        history.remember(new SensitiveEvent(LOGIN, account, SensitiveEvent.Kind.NOVEL_LOGIN, null, null, null)).block();
    }

    @Test
    void inviteWhenSentWithinTheWindowAfterANovelLoginThenStepUpNamingTheRule() {
        novelLogin("victim");

        SequenceDecision decision = rule.check(invite(LOGIN.plus(Duration.ofMinutes(3)), "victim")).block();

        assertThat(decision).isInstanceOf(SequenceDecision.StepUpRequired.class);
        assertThat(decision.toString()).contains(InviteAfterNovelLoginRule.NAME).contains("3m after a login from a new place");
    }

    @Test
    void inviteWhenExactlyTheWindowAfterThenStillCountsAndOneMillisecondLaterAllowed() {
        novelLogin("victim");

        assertThat(rule.check(invite(LOGIN.plus(Duration.ofHours(1)), "victim")).block())
                .isInstanceOf(SequenceDecision.StepUpRequired.class);
        assertThat(rule.check(invite(LOGIN.plus(Duration.ofHours(1)).plusMillis(1), "victim")).block())
                .isEqualTo(SequenceDecision.ALLOWED);
    }

    @Test
    void inviteWhenTheNovelLoginWasAnotherAccountsThenAllowed() {
        novelLogin("someone-else");

        assertThat(rule.check(invite(LOGIN.plus(Duration.ofMinutes(3)), "victim")).block())
                .isEqualTo(SequenceDecision.ALLOWED);
    }

    @Test
    void otherActionsWhenAfterANovelLoginThenNotThisRulesConcern() {
        novelLogin("victim");
        SensitiveEvent deletion = new SensitiveEvent(LOGIN.plus(Duration.ofMinutes(3)), "victim",
                SensitiveEvent.Kind.ACCOUNT_DELETED, null, null, null);

        assertThat(rule.check(deletion).block()).isEqualTo(SequenceDecision.ALLOWED);
    }
}
