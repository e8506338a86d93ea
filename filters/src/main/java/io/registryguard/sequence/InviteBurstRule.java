package io.registryguard.sequence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.registryguard.policy.SequencePolicy;
import reactor.core.publisher.Mono;

/**
 * {@code invite-burst} (Nov 2023: the victim's account invited the attacker's fresh one to four projects at once).
 * Fires on an invite that brings the projects its sender invited to within the window, this one included, to the
 * threshold. Several invites to one project count as one project: inviting a team's people to one project is not a
 * burst across projects.
 */
final class InviteBurstRule {

    static final String NAME = "invite-burst";

    private final SequencePolicy.InviteBurst settings;
    private final SequenceHistory history;

    InviteBurstRule(SequencePolicy.InviteBurst settings, SequenceHistory history) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.history = Objects.requireNonNull(history, "history");
    }

    Mono<SequenceDecision> check(SensitiveEvent proposed) {
        if (proposed.kind() != SensitiveEvent.Kind.INVITE) {
            return Mono.just(SequenceDecision.ALLOWED);
        }
        Instant now = proposed.time();
        String inviter = proposed.actor();
        return history.recent(new HistoryKey.ByAccount(inviter), now.minus(settings.within()))
                .filter(e -> e.kind() == SensitiveEvent.Kind.INVITE && e.actor().equals(inviter)
                        && !e.time().isAfter(now))
                .collectList()
                .map(invites -> {
                    Set<String> projects = new LinkedHashSet<>();
                    invites.forEach(invite -> projects.add(invite.project()));
                    projects.add(proposed.project());
                    if (projects.size() < settings.projects()) {
                        return SequenceDecision.ALLOWED;
                    }
                    List<String> reasons = new ArrayList<>();
                    reasons.add(inviter + " invites " + proposed.target() + " to " + proposed.project() + ": "
                            + projects.size() + " projects within " + Elapsed.format(settings.within())
                            + " (the policy allows fewer than " + settings.projects() + "): "
                            + String.join(", ", projects));
                    invites.forEach(invite -> reasons.add(inviter + " invited " + invite.target() + " to "
                            + invite.project() + " at " + invite.time() + ", "
                            + Elapsed.format(Duration.between(invite.time(), now)) + " before"));
                    return SequenceDecision.of(settings.action(), NAME, reasons);
                });
    }
}
