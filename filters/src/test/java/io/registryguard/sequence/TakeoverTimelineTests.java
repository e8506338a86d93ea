package io.registryguard.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.registryguard.policy.SequencePolicy;
import reactor.core.publisher.Mono;

/**
 * The Nov 2023 takeover replayed request by request, through {@link WarehouseEvents} and the default rules, on a
 * clock the test moves; then the same actions by a long-standing co-owner, spread over days.
 */
class TakeoverTimelineTests {

    private static final Instant DAY = Instant.parse("2023-11-14T00:00:00Z");
    private static final List<String> PROJECTS = List.of("alpha", "beta", "gamma", "delta");

    private final MutableClock clock = new MutableClock(DAY);
    private final InMemorySequenceHistory history = new InMemorySequenceHistory(
            SequencePolicy.DEFAULTS.longestWindow(), clock);
    private final SequenceRules rules = new SequenceRules(SequencePolicy.DEFAULTS, history, AccountAges.unknown());

    private static Instant at(String time) {
        return Instant.parse("2023-11-14T" + time + "Z");
    }

    /** The event of a request at the clock's time, evaluated; remembered as forwarded when {@code forwarded}. */
    private SequenceDecision request(String route, String path, Map<String, String> form, String actor,
            boolean forwarded) {
        List<String> segments = List.of(path.replaceAll("^/|/$", "").split("/"));
        SensitiveEvent event = WarehouseEvents.from(route, "POST", segments, form, actor, clock.instant())
                .orElseThrow();
        SequenceDecision decision = rules.evaluate(event).block();
        if (forwarded) {
            history.remember(event).block();
        }
        return decision;
    }

    private SequenceDecision invite(String inviter, String project, String invitee) {
        return request("collaboration-invite", "/manage/project/" + project + "/collaboration/",
                Map.of("username", invitee, "role_name", "Owner"), inviter, true);
    }

    /** 08:44:55 and the three seconds after: the victim's account invites the fresh one to four projects. */
    private List<SequenceDecision> invitesOfTheTakeover() {
        clock.set(at("08:44:55"));
        List<SequenceDecision> decisions = new ArrayList<>();
        for (String project : PROJECTS) {
            decisions.add(invite("victim", project, "mallory"));
            clock.advance(Duration.ofSeconds(1));
        }
        return decisions;
    }

    private void acceptAndRemoveTheOwnerAsIfForwarded() {
        invitesOfTheTakeover();
        clock.set(at("08:47:25"));
        request("verify-project-role", "/account/verify-project-role/", Map.of("token", "t", "accept", "Accept"),
                "mallory", true);
        clock.set(at("08:47:35"));
        for (String project : PROJECTS) {
            request("collaboration-delete", "/manage/project/" + project + "/collaboration/delete/",
                    Map.of("role_id", "7f3c", "confirm_username", "victim"), "mallory", true);
        }
    }

    @Test
    void invitesWhenFourProjectsWithinSecondsThenTheThirdAndFourthNeedAStepUp() {
        List<SequenceDecision> decisions = invitesOfTheTakeover();

        assertThat(decisions.subList(0, 2)).allMatch(SequenceDecision::allowed);
        assertThat(decisions.subList(2, 4)).allSatisfy(decision -> assertThat(decision)
                .isInstanceOfSatisfying(SequenceDecision.StepUpRequired.class,
                        stepUp -> assertThat(stepUp.rule()).isEqualTo("invite-burst")));
        SequenceDecision.StepUpRequired third = (SequenceDecision.StepUpRequired) decisions.get(2);
        assertThat(third.reasons().get(0)).isEqualTo("victim invites mallory to gamma: 3 projects within 1h (the policy"
                + " allows fewer than 3): alpha, beta, gamma");
        assertThat(third.reasons()).contains("victim invited mallory to alpha at 2023-11-14T08:44:55Z, 2s before");
    }

    @Test
    void acceptWhenAfterTheInvitesThenAllowed() {
        invitesOfTheTakeover();
        clock.set(at("08:47:25"));

        assertThat(request("verify-project-role", "/account/verify-project-role/", Map.of("accept", "Accept"),
                "mallory", true).allowed()).isTrue();
    }

    @Test
    void ownerRemovalAt084735WhenTenSecondsAfterTheAcceptThenDenied() {
        invitesOfTheTakeover();
        clock.set(at("08:47:25"));
        request("verify-project-role", "/account/verify-project-role/", Map.of("accept", "Accept"), "mallory", true);
        clock.set(at("08:47:35"));

        SequenceDecision decision = request("collaboration-delete", "/manage/project/alpha/collaboration/delete/",
                Map.of("role_id", "7f3c", "confirm_username", "victim"), "mallory", false);

        assertThat(decision).isInstanceOfSatisfying(SequenceDecision.Denied.class, denied -> {
            assertThat(denied.rule()).isEqualTo("owner-removal-after-invite");
            assertThat(denied.reasons()).containsExactly(
                    "mallory removes a collaborator (confirmed as 'victim', which the registry does not check) on"
                            + " project alpha; the request does not say the role, so it counts as an Owner's",
                    "victim invited mallory to alpha as Owner at 2023-11-14T08:44:55Z, 2m40s before; the remover"
                            + " received it; mallory's age is unknown, counted as younger than 7d");
        });
    }

    @Test
    void accountDeletionAt085027WhenThreeMinutesAfterLosingOwnershipThenDenied() {
        acceptAndRemoveTheOwnerAsIfForwarded();
        clock.set(at("08:50:27"));

        SequenceDecision decision = request("account-delete", "/manage/account/",
                Map.of("confirm_password", "hunter2"), "victim", false);

        assertThat(decision).isInstanceOfSatisfying(SequenceDecision.Denied.class, denied -> {
            assertThat(denied.rule()).isEqualTo("account-deletion-after-role-loss");
            assertThat(denied.reasons().get(0))
                    .isEqualTo("victim deletes their account within 24h of losing a project role");
            assertThat(denied.reasons()).hasSize(1 + PROJECTS.size())
                    .contains("mallory removed victim from alpha at 2023-11-14T08:47:35Z, 2m52s before");
        });
    }

    @Test
    void accountDeletionWhenTheRemoverTypedAnotherNameThenStillDenied() {
        invitesOfTheTakeover();
        clock.set(at("08:47:35"));
        request("collaboration-delete", "/manage/project/alpha/collaboration/delete/", Map.of("role_id", "7f3c",
                "confirm_username", "somebody-else"), "mallory", true);
        clock.set(at("08:50:27"));

        SequenceDecision decision = request("account-delete", "/manage/account/", Map.of("confirm_password", "x"),
                "victim", false);

        assertThat(decision).isInstanceOfSatisfying(SequenceDecision.Denied.class, denied -> assertThat(
                denied.reasons()).contains("mallory removed a collaborator confirmed as 'somebody-else' (not checked"
                        + " by the registry) from alpha, a project victim acted on or was named in, at"
                        + " 2023-11-14T08:47:35Z, 2m52s before"));
    }

    @Test
    void sameActionsWhenALongStandingCoOwnerSpreadsThemOverDaysThenAllowed() {
        AccountAges ages = account -> Mono.just(Optional.of(Instant.parse("2016-03-01T00:00:00Z")));
        SequenceRules rulesWithAges = new SequenceRules(SequencePolicy.DEFAULTS, history, ages);
        Instant start = at("09:00:00");
        List<SequenceDecision> decisions = new ArrayList<>();
        decisions.add(evaluateAndRemember(rulesWithAges, Events.invite(start, "carol", "alpha", "dave")));
        decisions.add(evaluateAndRemember(rulesWithAges, Events.accept(start.plus(Duration.ofDays(1)), "dave")));
        decisions.add(evaluateAndRemember(rulesWithAges, Events.invite(start.plus(Duration.ofDays(2)), "carol",
                "beta", "dave")));
        decisions.add(evaluateAndRemember(rulesWithAges, Events.invite(start.plus(Duration.ofDays(4)), "carol",
                "gamma", "dave")));
        decisions.add(evaluateAndRemember(rulesWithAges, Events.removal(start.plus(Duration.ofDays(5)), "dave",
                "alpha", "carol")));
        decisions.add(evaluateAndRemember(rulesWithAges, Events.invite(start.plus(Duration.ofDays(6)), "carol",
                "delta", "dave")));
        decisions.add(evaluateAndRemember(rulesWithAges, Events.deletion(start.plus(Duration.ofDays(8)), "carol")));

        assertThat(decisions).hasSize(7).allMatch(SequenceDecision::allowed);
    }

    /** Moves the clock to the event's time, evaluates it and remembers it as forwarded. */
    private SequenceDecision evaluateAndRemember(SequenceRules with, SensitiveEvent event) {
        clock.set(event.time());
        SequenceDecision decision = with.evaluate(event).block();
        history.remember(event).block();
        return decision;
    }
}
