package io.registryguard.sequence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.registryguard.policy.AccountNames;

/**
 * One sensitive action, proposed or forwarded to the registry. Names are stored canonical, so that two spellings
 * of one name are one history: accounts lower-cased (Warehouse compares usernames without case), projects as PEP 503
 * names (Warehouse finds a project by its normalized name, so {@code /manage/project/Re_Quests/} is {@code re-quests}).
 * Time is kept to the millisecond, what the Redis history keeps.
 *
 * @param time       when it was proposed
 * @param actor      the account acting: the guard session's, never a form field
 * @param kind       what it does
 * @param project    the project it acts on; null for account-wide actions ({@link Kind#needsProject()})
 * @param target     the account it acts on, as the request names it; null when the request does not say
 * @param targetRole the role the request gives or takes, like {@code Owner}; null when the request does not say
 */
public record SensitiveEvent(Instant time, String actor, Kind kind, @Nullable String project, @Nullable String target,
        @Nullable String targetRole) {

    /** Warehouse's highest project role; losing it is losing the project. */
    public static final String OWNER = "Owner";

    private static final Pattern PEP503_SEPARATORS = Pattern.compile("[-_.]+");

    public SensitiveEvent {
        time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MILLIS);
        actor = account(Objects.requireNonNull(actor, "actor"), "actor");
        Objects.requireNonNull(kind, "kind");
        project = project == null ? null : project(project);
        target = target == null ? null : account(target, "target");
        targetRole = targetRole == null ? null : nonBlank(targetRole, "targetRole");
        if (kind.needsProject() && project == null) {
            throw new IllegalArgumentException("project is required for " + kind);
        }
        if (kind == Kind.INVITE && target == null) {
            throw new IllegalArgumentException("target is required for " + kind + ": the invited account");
        }
    }

    /** What the action does. */
    public enum Kind {
        /** A collaborator invited to a project ({@code target}, with the role {@code targetRole}). */
        INVITE(true),
        /** The actor accepted an invitation; for which project the gateway cannot tell ({@link WarehouseEvents}). */
        INVITE_ACCEPTED(false),
        /** A collaborator removed from a project; {@code target} as typed to confirm, {@code targetRole} unknown. */
        ROLE_REMOVED(true),
        /** A collaborator's role changed to {@code targetRole}; the former role is not known. */
        ROLE_CHANGED(true),
        /** The actor's own account deleted. */
        ACCOUNT_DELETED(false),
        /** A whole project deleted. */
        PROJECT_DELETED(true),
        /**
         * Not an action but what came before one: a password login the registry accepted from a subnet or client
         * family new to the account, or after a long dormancy (the risk signals' novelty).
         */
        NOVEL_LOGIN(false);

        private final boolean needsProject;

        Kind(boolean needsProject) {
            this.needsProject = needsProject;
        }

        public boolean needsProject() {
            return needsProject;
        }
    }

    /**
     * Whether this may take an Owner's role away: a removal whose role is unknown or Owner, or a change to another
     * role (or to a role not said) whose former role is never known.
     */
    public boolean mayTakeOwnershipAway() {
        return switch (kind) {
            case ROLE_REMOVED -> targetRole == null || isOwner(targetRole);
            case ROLE_CHANGED -> targetRole == null || !isOwner(targetRole);
            default -> false;
        };
    }

    /** Whether someone loses a project role by this: any removal, or a change that may be away from Owner. */
    public boolean takesARoleAway() {
        return kind == Kind.ROLE_REMOVED || kind == Kind.ROLE_CHANGED && mayTakeOwnershipAway();
    }

    static boolean isOwner(String role) {
        return OWNER.equalsIgnoreCase(role);
    }

    /** A project name as PEP 503 compares them: runs of {@code - _ .} are one {@code -}, lower case. */
    static String project(String name) {
        return PEP503_SEPARATORS.matcher(nonBlank(name, "project")).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    /** An account name in its canonical form ({@link AccountNames}): an invitee typed {@code ＭALLORY} is mallory. */
    static String account(String name, String field) {
        return AccountNames.DEFAULT.key(nonBlank(name, field));
    }

    private static String nonBlank(String value, String field) {
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be blank; use null when the request does not say");
        }
        return stripped;
    }
}
