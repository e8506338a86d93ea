package io.registryguard.policy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.registryguard.policy.SequencePolicy.AccountDeletionAfterRoleLoss;
import io.registryguard.policy.SequencePolicy.Action;
import io.registryguard.policy.SequencePolicy.InviteAfterNovelLogin;
import io.registryguard.policy.SequencePolicy.InviteBurst;
import io.registryguard.policy.SequencePolicy.OwnerRemovalAfterInvite;

/**
 * Reads the {@code sequence-rules} section. A rule left out keeps its built-in thresholds, and so does a key left
 * out of a rule: an operator writes only what they change.
 */
final class SequenceRulesReader {

    static final List<String> KEYS = List.of("owner-removal-after-invite", "account-deletion-after-role-loss",
            "invite-burst", "invite-after-novel-login");
    static final List<String> OWNER_REMOVAL_KEYS = List.of("within", "invitee-younger-than", "unknown-age-is-young",
            "action");
    static final List<String> ACCOUNT_DELETION_KEYS = List.of("within", "action");
    static final List<String> INVITE_BURST_KEYS = List.of("projects", "within", "action");
    static final List<String> NOVEL_LOGIN_KEYS = List.of("within", "action");

    private static final String ACTIONS = "deny (refuse the action) or require-step-up (a second factor for this"
            + " very action)";

    private SequenceRulesReader() {
    }

    static SequencePolicy read(YamlValue section) {
        Optional<YamlMapping> mapping = section.mapping(KEYS);
        if (mapping.isEmpty()) {
            return SequencePolicy.DEFAULTS;
        }
        YamlMapping rules = mapping.get();
        SequencePolicy defaults = SequencePolicy.DEFAULTS;
        OwnerRemovalAfterInvite ownerRemoval = rules.optional("owner-removal-after-invite")
                .map(SequenceRulesReader::ownerRemoval).orElse(defaults.ownerRemovalAfterInvite());
        AccountDeletionAfterRoleLoss accountDeletion = rules.optional("account-deletion-after-role-loss")
                .map(SequenceRulesReader::accountDeletion).orElse(defaults.accountDeletionAfterRoleLoss());
        InviteBurst inviteBurst = rules.optional("invite-burst").map(SequenceRulesReader::inviteBurst)
                .orElse(defaults.inviteBurst());
        InviteAfterNovelLogin novelLogin = rules.optional("invite-after-novel-login")
                .map(SequenceRulesReader::inviteAfterNovelLogin).orElse(defaults.inviteAfterNovelLogin());
        return new SequencePolicy(ownerRemoval, accountDeletion, inviteBurst, novelLogin);
    }

    /** Problems are reported and the defaults stand in, so that reading goes on; the policy is rejected anyway. */
    private static OwnerRemovalAfterInvite ownerRemoval(YamlValue rule) {
        OwnerRemovalAfterInvite defaults = SequencePolicy.DEFAULTS.ownerRemovalAfterInvite();
        return rule.mapping(OWNER_REMOVAL_KEYS).map(fields -> new OwnerRemovalAfterInvite(
                fields.optional("within").flatMap(SequenceRulesReader::window).orElse(defaults.within()),
                fields.optional("invitee-younger-than").flatMap(v -> v.parsed(DurationParser.EXPECTED,
                        DurationParser::parse)).orElse(defaults.inviteeYoungerThan()),
                fields.optional("unknown-age-is-young").flatMap(YamlValue::bool).orElse(defaults.unknownAgeIsYoung()),
                fields.optional("action").flatMap(SequenceRulesReader::action).orElse(defaults.action())))
                .orElse(defaults);
    }

    private static AccountDeletionAfterRoleLoss accountDeletion(YamlValue rule) {
        AccountDeletionAfterRoleLoss defaults = SequencePolicy.DEFAULTS.accountDeletionAfterRoleLoss();
        return rule.mapping(ACCOUNT_DELETION_KEYS).map(fields -> new AccountDeletionAfterRoleLoss(
                fields.optional("within").flatMap(SequenceRulesReader::window).orElse(defaults.within()),
                fields.optional("action").flatMap(SequenceRulesReader::action).orElse(defaults.action())))
                .orElse(defaults);
    }

    private static InviteBurst inviteBurst(YamlValue rule) {
        InviteBurst defaults = SequencePolicy.DEFAULTS.inviteBurst();
        return rule.mapping(INVITE_BURST_KEYS).map(fields -> new InviteBurst(
                fields.optional("projects").flatMap(SequenceRulesReader::projects).orElse(defaults.projects()),
                fields.optional("within").flatMap(SequenceRulesReader::window).orElse(defaults.within()),
                fields.optional("action").flatMap(SequenceRulesReader::action).orElse(defaults.action())))
                .orElse(defaults);
    }

    private static InviteAfterNovelLogin inviteAfterNovelLogin(YamlValue rule) {
        InviteAfterNovelLogin defaults = SequencePolicy.DEFAULTS.inviteAfterNovelLogin();
        return rule.mapping(NOVEL_LOGIN_KEYS).map(fields -> new InviteAfterNovelLogin(
                fields.optional("within").flatMap(SequenceRulesReader::window).orElse(defaults.within()),
                fields.optional("action").flatMap(SequenceRulesReader::action).orElse(defaults.action())))
                .orElse(defaults);
    }

    private static Optional<Duration> window(YamlValue value) {
        return value.parsed(DurationParser.EXPECTED, DurationParser::parse).filter(window -> {
            if (window.compareTo(SequencePolicy.MAX_WINDOW) <= 0) {
                return true;
            }
            String max = DurationParser.format(SequencePolicy.MAX_WINDOW);
            value.problem("'" + DurationParser.format(window) + "' is longer than " + max + "; expected a window up to "
                    + max + " (every replica keeps the history of sensitive events that long)");
            return false;
        });
    }

    private static Optional<Integer> projects(YamlValue value) {
        int min = SequencePolicy.MIN_BURST_PROJECTS;
        int max = SequencePolicy.MAX_BURST_PROJECTS;
        return value.parsed("a number of projects from " + min + " to " + max, text -> {
            if (!text.matches("\\d{1,9}")) {
                throw new IllegalArgumentException("'" + text + "' is not a number of projects; expected a whole number"
                        + " from " + min + " to " + max);
            }
            int projects = Integer.parseInt(text);
            if (projects < min) {
                throw new IllegalArgumentException("'" + text + "' is too few; expected a whole number from " + min
                        + " to " + max + " (invites to one project are not a burst across projects)");
            }
            if (projects > max) {
                throw new IllegalArgumentException("'" + text + "' is too many; expected a whole number from " + min
                        + " to " + max);
            }
            return projects;
        });
    }

    private static Optional<Action> action(YamlValue value) {
        return value.text(ACTIONS).flatMap(text -> {
            Optional<Action> action = Action.fromId(text);
            if (action.isEmpty()) {
                value.problem("unknown action '" + text + "'; expected " + ACTIONS);
            }
            return action;
        });
    }
}
