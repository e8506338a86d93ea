package io.registryguard.sequence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.registryguard.policy.SequencePolicy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code account-deletion-after-role-loss} (Nov 2023: the victim's account was deleted three minutes after it was
 * removed as owner, erasing what an investigation needed). Fires on the deletion of account A when, within the
 * window before it, A lost a project role: a removal or a change away from Owner naming A, or one done by someone
 * else on a project A acted on or was named in during the window. The second half is there because Warehouse's
 * remove form names the removed account only in a confirmation field it never checks, and its change form not at
 * all: an attacker would type another name, or none.
 */
final class AccountDeletionAfterRoleLossRule {

    static final String NAME = "account-deletion-after-role-loss";

    private final SequencePolicy.AccountDeletionAfterRoleLoss settings;
    private final SequenceHistory history;

    AccountDeletionAfterRoleLossRule(SequencePolicy.AccountDeletionAfterRoleLoss settings, SequenceHistory history) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.history = Objects.requireNonNull(history, "history");
    }

    Mono<SequenceDecision> check(SensitiveEvent proposed) {
        if (proposed.kind() != SensitiveEvent.Kind.ACCOUNT_DELETED) {
            return Mono.just(SequenceDecision.ALLOWED);
        }
        Instant now = proposed.time();
        Instant since = now.minus(settings.within());
        String account = proposed.actor();
        return history.recent(new HistoryKey.ByAccount(account), since)
                .filter(event -> !event.time().isAfter(now))
                .collectList()
                .flatMapMany(own -> {
                    Set<String> projects = new LinkedHashSet<>();
                    own.stream().filter(e -> e.project() != null).forEach(e -> projects.add(e.project()));
                    Flux<SensitiveEvent> namingTheAccount = Flux.fromIterable(own)
                            .filter(e -> e.takesARoleAway() && account.equals(e.target()));
                    Flux<SensitiveEvent> byOthersOnItsProjects = Flux.fromIterable(projects)
                            .concatMap(project -> history.recent(new HistoryKey.ByProject(project), since))
                            .filter(e -> e.takesARoleAway() && !e.actor().equals(account) && !e.time().isAfter(now));
                    return Flux.concat(namingTheAccount, byOthersOnItsProjects);
                })
                .distinct()
                .sort(Comparator.comparing(SensitiveEvent::time))
                .map(loss -> describe(loss, account, now))
                .collectList()
                .map(losses -> {
                    if (losses.isEmpty()) {
                        return SequenceDecision.ALLOWED;
                    }
                    List<String> reasons = new ArrayList<>();
                    reasons.add(account + " deletes their account within " + Elapsed.format(settings.within())
                            + " of losing a project role");
                    reasons.addAll(losses);
                    return SequenceDecision.of(settings.action(), NAME, reasons);
                });
    }

    private static String describe(SensitiveEvent loss, String account, Instant now) {
        String whom = account.equals(loss.target()) ? account
                : loss.target() == null ? "a collaborator not named in the request"
                : "a collaborator confirmed as '" + loss.target() + "' (not checked by the registry)";
        String what = loss.kind() == SensitiveEvent.Kind.ROLE_REMOVED
                ? loss.actor() + " removed " + whom + " from " + loss.project()
                : loss.actor() + " changed the role of " + whom + " on " + loss.project() + " to "
                        + (loss.targetRole() == null ? "a role not said" : loss.targetRole());
        String where = account.equals(loss.target()) ? "" : ", a project " + account + " acted on or was named in,";
        return what + where + " at " + loss.time() + ", " + Elapsed.format(Duration.between(loss.time(), now))
                + " before";
    }
}
