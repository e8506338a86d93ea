package io.registryguard.sequence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.registryguard.policy.SequencePolicy;
import reactor.core.publisher.Mono;

/**
 * {@code owner-removal-after-invite} (Nov 2023: the owner was removed ten seconds after the attacker's fresh account
 * accepted the invite). Fires on a removal, or a change of role, that may take an Owner's role away on project P
 * when, within the window before it, an invite to P went to an account that was young when invited, and the one
 * removing now sent that invite or received it. Receiving is enough: only an accepted collaborator with the Owner
 * role can remove anyone, and the acceptance itself names no project at the gateway (see {@link WarehouseEvents}).
 */
final class OwnerRemovalAfterInviteRule {

    static final String NAME = "owner-removal-after-invite";

    private final SequencePolicy.OwnerRemovalAfterInvite settings;
    private final SequenceHistory history;
    private final AccountAges ages;

    OwnerRemovalAfterInviteRule(SequencePolicy.OwnerRemovalAfterInvite settings, SequenceHistory history,
            AccountAges ages) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.history = Objects.requireNonNull(history, "history");
        this.ages = Objects.requireNonNull(ages, "ages");
    }

    Mono<SequenceDecision> check(SensitiveEvent proposed) {
        if (!proposed.mayTakeOwnershipAway()) {
            return Mono.just(SequenceDecision.ALLOWED);
        }
        Instant now = proposed.time();
        String remover = proposed.actor();
        return history.recent(new HistoryKey.ByProject(proposed.project()), now.minus(settings.within()))
                .filter(event -> event.kind() == SensitiveEvent.Kind.INVITE && !event.time().isAfter(now))
                .filter(invite -> invite.actor().equals(remover) || remover.equals(invite.target()))
                .concatMap(invite -> youngWhenInvited(invite).map(age -> describe(invite, remover, now, age)))
                .collectList()
                .map(invites -> {
                    if (invites.isEmpty()) {
                        return SequenceDecision.ALLOWED;
                    }
                    List<String> reasons = new ArrayList<>();
                    reasons.add(headline(proposed));
                    reasons.addAll(invites);
                    return SequenceDecision.of(settings.action(), NAME, reasons);
                });
    }

    /** What makes the invitee young, for the reason; empty when the invitee was not young when invited. */
    private Mono<String> youngWhenInvited(SensitiveEvent invite) {
        String limit = Elapsed.format(settings.inviteeYoungerThan());
        return ages.createdAt(invite.target()).defaultIfEmpty(Optional.empty()).flatMap(created -> {
            if (created.isEmpty()) {
                return settings.unknownAgeIsYoung()
                        ? Mono.just(invite.target() + "'s age is unknown, counted as younger than " + limit)
                        : Mono.empty();
            }
            Duration age = Duration.between(created.get(), invite.time());
            return age.compareTo(settings.inviteeYoungerThan()) < 0
                    ? Mono.just(invite.target() + " was created " + Elapsed.format(age) + " before the invite,"
                            + " younger than " + limit)
                    : Mono.empty();
        });
    }

    private static String headline(SensitiveEvent proposed) {
        String project = " on project " + proposed.project();
        if (proposed.kind() == SensitiveEvent.Kind.ROLE_CHANGED) {
            return proposed.actor() + " changes a collaborator's role" + project + " to "
                    + (proposed.targetRole() == null ? "a role the request does not say" : proposed.targetRole())
                    + "; the former role is never in the request, so it counts as Owner";
        }
        String whom = proposed.target() == null ? "a collaborator"
                : "a collaborator (confirmed as '" + proposed.target() + "', which the registry does not check)";
        return proposed.actor() + " removes " + whom + project + (proposed.targetRole() == null
                ? "; the request does not say the role, so it counts as an Owner's"
                : " with the role " + proposed.targetRole());
    }

    private static String describe(SensitiveEvent invite, String remover, Instant now, String age) {
        String who = invite.actor().equals(remover) ? "the remover sent it" : "the remover received it";
        return invite.actor() + " invited " + invite.target() + " to " + invite.project()
                + (invite.targetRole() == null ? "" : " as " + invite.targetRole()) + " at " + invite.time() + ", "
                + Elapsed.format(Duration.between(invite.time(), now)) + " before; " + who + "; " + age;
    }
}
