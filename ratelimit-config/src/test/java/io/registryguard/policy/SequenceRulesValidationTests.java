package io.registryguard.policy;

import static io.registryguard.policy.PolicyLoaderTests.parse;
import static io.registryguard.policy.PolicyLoaderTests.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.registryguard.policy.SequencePolicy.AccountDeletionAfterRoleLoss;
import io.registryguard.policy.SequencePolicy.Action;
import io.registryguard.policy.SequencePolicy.InviteBurst;
import io.registryguard.policy.SequencePolicy.OwnerRemovalAfterInvite;

/** The {@code sequence-rules} section: reading, defaults, and every problem with its file:line: key. */
class SequenceRulesValidationTests {

    /** Three lines: the section under test starts at line 4. */
    private static final String HEAD = """
            version: test-1
            routes:
              login: {class: login, methods: [POST], path: /account/login/}
            """;

    @Test
    void parseWhenSectionWrittenOutThenEveryFieldRead() {
        SequencePolicy rules = parse(HEAD + """
                sequence-rules:
                  owner-removal-after-invite:
                    within: 2d
                    invitee-younger-than: 30d
                    unknown-age-is-young: false
                    action: require-step-up
                  account-deletion-after-role-loss: {within: 12h, action: require-step-up}
                  invite-burst: {projects: 5, within: 30m, action: deny}
                  invite-after-novel-login: {within: 3h, action: deny}
                """).sequenceRules();

        assertThat(rules.ownerRemovalAfterInvite()).isEqualTo(new OwnerRemovalAfterInvite(Duration.ofDays(2),
                Duration.ofDays(30), false, Action.REQUIRE_STEP_UP));
        assertThat(rules.accountDeletionAfterRoleLoss())
                .isEqualTo(new AccountDeletionAfterRoleLoss(Duration.ofHours(12), Action.REQUIRE_STEP_UP));
        assertThat(rules.inviteBurst()).isEqualTo(new InviteBurst(5, Duration.ofMinutes(30), Action.DENY));
        assertThat(rules.inviteAfterNovelLogin())
                .isEqualTo(new SequencePolicy.InviteAfterNovelLogin(Duration.ofHours(3), Action.DENY));
        assertThat(rules.longestWindow()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void parseWhenSectionLeftOutThenTheIssuesDefaults() {
        SequencePolicy rules = parse(HEAD).sequenceRules();

        assertThat(rules).isEqualTo(SequencePolicy.DEFAULTS);
        assertThat(rules.ownerRemovalAfterInvite()).isEqualTo(new OwnerRemovalAfterInvite(Duration.ofHours(24),
                Duration.ofDays(7), true, Action.DENY));
        assertThat(rules.accountDeletionAfterRoleLoss())
                .isEqualTo(new AccountDeletionAfterRoleLoss(Duration.ofHours(24), Action.DENY));
        assertThat(rules.inviteBurst()).isEqualTo(new InviteBurst(3, Duration.ofHours(1), Action.REQUIRE_STEP_UP));
        assertThat(rules.inviteAfterNovelLogin()).isEqualTo(new SequencePolicy.InviteAfterNovelLogin(
                Duration.ofHours(1), Action.REQUIRE_STEP_UP));
        assertThat(rules.longestWindow()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void parseWhenRuleOrKeyLeftOutThenOnlyThatKeepsItsDefault() {
        SequencePolicy rules = parse(HEAD + """
                sequence-rules:
                  owner-removal-after-invite: {within: 48h}
                  invite-burst: {projects: 4}
                """).sequenceRules();

        assertThat(rules.ownerRemovalAfterInvite()).isEqualTo(new OwnerRemovalAfterInvite(Duration.ofHours(48),
                Duration.ofDays(7), true, Action.DENY));
        assertThat(rules.accountDeletionAfterRoleLoss())
                .isEqualTo(new AccountDeletionAfterRoleLoss(Duration.ofHours(24), Action.DENY));
        assertThat(rules.inviteBurst()).isEqualTo(new InviteBurst(4, Duration.ofHours(1), Action.REQUIRE_STEP_UP));
    }

    @Test
    void parseWhenUnknownRuleThenErrorListsTheRules() {
        assertThat(problems(HEAD + """
                sequence-rules:
                  owner-removal: {within: 24h}
                """)).containsExactly("policy.yaml:5: sequence-rules.owner-removal: unknown key; expected one of:"
                + " owner-removal-after-invite, account-deletion-after-role-loss, invite-burst, invite-after-novel-login");
    }

    @Test
    void parseWhenUnknownKeyInARuleThenErrorListsItsKeys() {
        assertThat(problems(HEAD + """
                sequence-rules:
                  invite-burst:
                    projects: 3
                    window: 1h
                """)).containsExactly("policy.yaml:7: sequence-rules.invite-burst.window: unknown key; expected one"
                + " of: projects, within, action");
    }

    @Test
    void parseWhenDurationMalformedOrZeroThenErrorSaysWhatADurationIs() {
        assertThat(problems(HEAD + """
                sequence-rules:
                  owner-removal-after-invite:
                    within: 24 hours
                    invitee-younger-than: 0d
                """)).containsExactly(
                "policy.yaml:6: sequence-rules.owner-removal-after-invite.within: '24 hours' is not a duration;"
                        + " expected a duration like 30s, 5m, 24h or 7d (units s, m, h, d)",
                "policy.yaml:7: sequence-rules.owner-removal-after-invite.invitee-younger-than: '0d' is zero;"
                        + " expected a positive duration");
    }

    @Test
    void parseWhenWindowLongerThanThirtyDaysThenRejected() {
        assertThat(problems(HEAD + """
                sequence-rules:
                  account-deletion-after-role-loss: {within: 31d}
                """)).containsExactly("policy.yaml:5: sequence-rules.account-deletion-after-role-loss.within: '31d'"
                + " is longer than 30d; expected a window up to 30d (every replica keeps the history of sensitive"
                + " events that long)");
    }

    @Test
    void parseWhenThirtyDaysThenAccepted() {
        assertThat(parse(HEAD + "sequence-rules: {invite-burst: {within: 720h}}\n").sequenceRules().inviteBurst()
                .within()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void parseWhenUnknownActionThenErrorNamesBothActions() {
        assertThat(problems(HEAD + """
                sequence-rules:
                  invite-burst: {action: block}
                """)).containsExactly("policy.yaml:5: sequence-rules.invite-burst.action: unknown action 'block';"
                + " expected deny (refuse the action) or require-step-up (a second factor for this very action)");
    }

    @Test
    void parseWhenBurstOfOneProjectThenTooFew() {
        assertThat(problems(HEAD + """
                sequence-rules:
                  invite-burst:
                    projects: 1
                """)).containsExactly("policy.yaml:6: sequence-rules.invite-burst.projects: '1' is too few; expected"
                + " a whole number from 2 to 100 (invites to one project are not a burst across projects)");
    }

    @Test
    void parseWhenBurstProjectsNotAWholeNumberOrTooManyThenRejected() {
        assertThat(problems(HEAD + "sequence-rules: {invite-burst: {projects: three}}\n")).containsExactly(
                "policy.yaml:4: sequence-rules.invite-burst.projects: 'three' is not a number of projects; expected"
                        + " a whole number from 2 to 100");
        assertThat(problems(HEAD + "sequence-rules: {invite-burst: {projects: 101}}\n")).containsExactly(
                "policy.yaml:4: sequence-rules.invite-burst.projects: '101' is too many; expected a whole number"
                        + " from 2 to 100");
    }

    @Test
    void parseWhenUnknownAgeIsYoungNotABooleanThenRejected() {
        assertThat(problems(HEAD + """
                sequence-rules:
                  owner-removal-after-invite: {unknown-age-is-young: maybe}
                """)).containsExactly("policy.yaml:5: sequence-rules.owner-removal-after-invite.unknown-age-is-young:"
                + " 'maybe' is not a boolean; expected true or false");
    }

    @Test
    void parseWhenSectionOrRuleNotAMappingThenRejected() {
        assertThat(problems(HEAD + "sequence-rules: [invite-burst]\n")).singleElement().asString()
                .startsWith("policy.yaml:4: sequence-rules: expected a mapping with keys owner-removal-after-invite,");
        assertThat(problems(HEAD + "sequence-rules: {invite-burst: 3}\n")).containsExactly(
                "policy.yaml:4: sequence-rules.invite-burst: expected a mapping with keys projects, within, action,"
                        + " found '3'");
    }

    @Test
    void parseWhenSeveralRulesWrongThenEveryProblemReportedAtOnce() {
        assertThat(problems(HEAD + """
                sequence-rules:
                  owner-removal-after-invite: {action: allow}
                  account-deletion-after-role-loss: {within: soon}
                  invite-burst: {projects: 0}
                """)).hasSize(3).allSatisfy(p -> assertThat(p).startsWith("policy.yaml:"))
                .anySatisfy(p -> assertThat(p).startsWith("policy.yaml:5: sequence-rules.owner-removal-after-invite"))
                .anySatisfy(p -> assertThat(p).startsWith("policy.yaml:6: sequence-rules.account-deletion"))
                .anySatisfy(p -> assertThat(p).startsWith("policy.yaml:7: sequence-rules.invite-burst.projects"));
    }

    @Test
    void recordsWhenBuiltInCodeWithBadValuesThenRejectedNamingTheField() {
        assertThatIllegalArgumentException().isThrownBy(() -> new InviteBurst(1, Duration.ofHours(1), Action.DENY))
                .withMessage("projects must be between 2 and 100, was 1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccountDeletionAfterRoleLoss(Duration.ZERO, Action.DENY))
                .withMessage("within must be positive, was PT0S");
        assertThatIllegalArgumentException().isThrownBy(() -> new OwnerRemovalAfterInvite(Duration.ofDays(31),
                Duration.ofDays(7), true, Action.DENY)).withMessageStartingWith("within must be at most");
    }
}
