package io.registryguard.sequence;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.registryguard.policy.SequencePolicy;
import reactor.core.publisher.Mono;

/**
 * {@code invite-after-novel-login} (2024: every attacker login was novel for its account; what an account does right
 * after such a login is what gives a takeover away). Fires on an invite whose sender logged in from somewhere new,
 * or after a long dormancy, within the window before it.
 */
final class InviteAfterNovelLoginRule {

    static final String NAME = "invite-after-novel-login";

    private final SequencePolicy.InviteAfterNovelLogin settings;
    private final SequenceHistory history;

    InviteAfterNovelLoginRule(SequencePolicy.InviteAfterNovelLogin settings, SequenceHistory history) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.history = Objects.requireNonNull(history, "history");
    }

    Mono<SequenceDecision> check(SensitiveEvent proposed) {
        if (proposed.kind() != SensitiveEvent.Kind.INVITE) {
            return Mono.just(SequenceDecision.ALLOWED);
        }
        String inviter = proposed.actor();
        return history.recent(new HistoryKey.ByAccount(inviter), proposed.time().minus(settings.within()))
                .filter(e -> e.kind() == SensitiveEvent.Kind.NOVEL_LOGIN && e.actor().equals(inviter)
                        && !e.time().isAfter(proposed.time()))
                .takeLast(1).next()
                .map(login -> SequenceDecision.of(settings.action(), NAME, List.of(inviter + " invites "
                        + proposed.target() + " to " + proposed.project() + " "
                        + Elapsed.format(Duration.between(login.time(), proposed.time()))
                        + " after a login from a new place or client (the policy looks back "
                        + Elapsed.format(settings.within()) + ")")))
                .defaultIfEmpty(SequenceDecision.ALLOWED);
    }
}
