package io.registryguard.policy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code sequence-rules} section: thresholds of the built-in rules that judge a sensitive action by what
 * came before it (Nov 2023: invite a fresh account, accept, remove the owner, delete the victim's account,
 * all within eight minutes). Each rule is always on; its mildest action is {@code require-step-up}.
 *
 * @param ownerRemovalAfterInvite      removing (or demoting) an Owner soon after an invite of a young account
 * @param accountDeletionAfterRoleLoss deleting an account soon after it lost a project role
 * @param inviteBurst                  one account inviting to many projects in a short window
 * @param inviteAfterNovelLogin        an invite soon after a login the risk signals found novel
 */
public record SequencePolicy(OwnerRemovalAfterInvite ownerRemovalAfterInvite,
        AccountDeletionAfterRoleLoss accountDeletionAfterRoleLoss, InviteBurst inviteBurst,
        InviteAfterNovelLogin inviteAfterNovelLogin) {

    /** Longer windows keep more history than any takeover sequence needs, in every replica's store. */
    public static final Duration MAX_WINDOW = Duration.ofDays(30);
    public static final int MIN_BURST_PROJECTS = 2;
    /** The history keeps at most 1000 events per account; a larger threshold could never be reached. */
    public static final int MAX_BURST_PROJECTS = 100;

    /**
     * The built-in thresholds, the same as the default policy file's. The nested records hold no constants of their
     * own: their constructors read this class's, and two classes initializing each other would see nulls.
     */
    public static final SequencePolicy DEFAULTS = new SequencePolicy(
            new OwnerRemovalAfterInvite(Duration.ofHours(24), Duration.ofDays(7), true, Action.DENY),
            new AccountDeletionAfterRoleLoss(Duration.ofHours(24), Action.DENY),
            new InviteBurst(3, Duration.ofHours(1), Action.REQUIRE_STEP_UP),
            new InviteAfterNovelLogin(Duration.ofHours(1), Action.REQUIRE_STEP_UP));

    public SequencePolicy {
        Objects.requireNonNull(ownerRemovalAfterInvite, "ownerRemovalAfterInvite");
        Objects.requireNonNull(accountDeletionAfterRoleLoss, "accountDeletionAfterRoleLoss");
        Objects.requireNonNull(inviteBurst, "inviteBurst");
        Objects.requireNonNull(inviteAfterNovelLogin, "inviteAfterNovelLogin");
    }

    /** With the built-in {@code invite-after-novel-login}. */
    public SequencePolicy(OwnerRemovalAfterInvite ownerRemovalAfterInvite,
            AccountDeletionAfterRoleLoss accountDeletionAfterRoleLoss, InviteBurst inviteBurst) {
        this(ownerRemovalAfterInvite, accountDeletionAfterRoleLoss, inviteBurst,
                new InviteAfterNovelLogin(Duration.ofHours(1), Action.REQUIRE_STEP_UP));
    }

    /** How long a history of sensitive events must be kept for every rule to see what it looks for. */
    public Duration longestWindow() {
        return Stream.of(ownerRemovalAfterInvite.within(), accountDeletionAfterRoleLoss.within(), inviteBurst.within(),
                inviteAfterNovelLogin.within()).max(Duration::compareTo).orElseThrow();
    }

    /** What a rule does when it fires. */
    public enum Action {
        /** Refuse the action; the registry never sees it. */
        DENY("deny"),
        /** Let it through only after a second factor proven for this very action. */
        REQUIRE_STEP_UP("require-step-up");

        private final String id;

        Action(String id) {
            this.id = id;
        }

        /** As written in the policy file. */
        public String id() {
            return id;
        }

        static Optional<Action> fromId(String id) {
            return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
        }
    }

    /**
     * {@code owner-removal-after-invite}: an Owner of a project is removed (or changed to another role) within
     * {@code within} after an invite to that project of an account younger than {@code inviteeYoungerThan}, and
     * the one removing is the one who sent the invite or the one who received it.
     *
     * @param unknownAgeIsYoung count an invitee whose creation date the gateway cannot learn as young: without a
     *                          registry that tells ages, every invitee's age is unknown
     */
    public record OwnerRemovalAfterInvite(Duration within, Duration inviteeYoungerThan, boolean unknownAgeIsYoung,
            Action action) {

        public OwnerRemovalAfterInvite {
            window(within, "within");
            positive(inviteeYoungerThan, "inviteeYoungerThan");
            Objects.requireNonNull(action, "action");
        }
    }

    /**
     * {@code account-deletion-after-role-loss}: an account is deleted within {@code within} after it lost a
     * project role (removed, or changed away from Owner).
     */
    public record AccountDeletionAfterRoleLoss(Duration within, Action action) {

        public AccountDeletionAfterRoleLoss {
            window(within, "within");
            Objects.requireNonNull(action, "action");
        }
    }

    /** {@code invite-burst}: one account sends invites to at least {@code projects} projects within {@code within}. */
    public record InviteBurst(int projects, Duration within, Action action) {

        public InviteBurst {
            if (projects < MIN_BURST_PROJECTS || projects > MAX_BURST_PROJECTS) {
                throw new IllegalArgumentException("projects must be between " + MIN_BURST_PROJECTS + " and "
                        + MAX_BURST_PROJECTS + ", was " + projects);
            }
            window(within, "within");
            Objects.requireNonNull(action, "action");
        }
    }

    /**
     * {@code invite-after-novel-login}: an invite sent within {@code within} after a login from a subnet or client
     * family the account never used, or after a long dormancy (2024: the attackers' logins were all novel).
     */
    public record InviteAfterNovelLogin(Duration within, Action action) {

        public InviteAfterNovelLogin {
            window(within, "within");
            Objects.requireNonNull(action, "action");
        }
    }

    private static void window(Duration window, String name) {
        positive(window, name);
        if (window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException(name + " must be at most " + MAX_WINDOW + ", was " + window);
        }
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
