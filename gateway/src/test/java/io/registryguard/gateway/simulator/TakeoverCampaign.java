package io.registryguard.gateway.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Campaign C, the Nov 2023 incident replayed on the clock it happened on: with a victim's correct password (an old
 * account without a factor, owner of a project) the attacker logs in, invites its own fresh account as a
 * collaborator, removes the owner and deletes the victim's account, whatever the gateway answered before.
 */
final class TakeoverCampaign {

    /** Login, invite (08:44:55), owner removed (08:47:35), account deleted (08:50:27). */
    private static final Duration LOGIN = Duration.ofHours(8).plusMinutes(42);
    private static final Duration INVITE = Duration.ofHours(8).plusMinutes(44).plusSeconds(55);
    private static final Duration REMOVE_OWNER = Duration.ofHours(8).plusMinutes(47).plusSeconds(35);
    private static final Duration DELETE_ACCOUNT = Duration.ofHours(8).plusMinutes(50).plusSeconds(27);

    private TakeoverCampaign() {
    }

    /** The victims: the last dormant accounts (campaign B leaves them alone). */
    static List<SimAccount> victims(SimulationParameters parameters, Population population) {
        List<SimAccount> dormant = population.dormant();
        return dormant.subList(dormant.size() - parameters.takeoverVictims(), dormant.size());
    }

    static List<SimAccount> notVictims(SimulationParameters parameters, Population population) {
        List<SimAccount> dormant = population.dormant();
        return dormant.subList(0, dormant.size() - parameters.takeoverVictims());
    }

    static void schedule(EventSchedule schedule, SimulationParameters parameters, Population population,
            Addresses addresses, Random random, SimulationContext context) {
        List<SimAccount> victims = victims(parameters, population);
        for (int k = 0; k < victims.size(); k++) {
            SimAccount victim = victims.get(k);
            Instant day = parameters.attackStart().plus(Duration.ofHours(k));
            ClientProfile attacker = new ClientProfile(addresses.host(addresses.hostingSubnet()),
                    UserAgents.browser(random), UserAgents.language(random), true);
            SimBrowser browser = context.browsers().open(attacker, Populations.TAKEOVER);
            String project = "/manage/project/" + victim.project();
            String fresh = "fresh-account-" + k;
            schedule.at(day.plus(LOGIN), browser, () -> context.guarded(Populations.TAKEOVER, "login",
                    () -> context.login(Populations.TAKEOVER, browser, victim.username(), victim.password(),
                            new GuessingSolver(context.clock(), 5, 1), record -> { })));
            action(schedule, day.plus(INVITE), browser, context, "invite collaborator",
                    project + "/collaboration/", "username", fresh, "role_name", "Owner");
            action(schedule, day.plus(REMOVE_OWNER), browser, context, "remove owner",
                    project + "/collaboration/delete/", "role_id", victim.ownerRoleId(), "username",
                    victim.username());
            action(schedule, day.plus(DELETE_ACCOUNT), browser, context, "delete account",
                    "/manage/account/", "confirm_password", victim.password());
        }
    }

    private static void action(EventSchedule schedule, Instant at, SimBrowser browser, SimulationContext context,
            String name, String path, String... fields) {
        schedule.at(at, browser, () -> context.guarded(Populations.TAKEOVER, name,
                () -> context.stats(Populations.TAKEOVER).action(name, browser.post(path, fields))));
    }
}
