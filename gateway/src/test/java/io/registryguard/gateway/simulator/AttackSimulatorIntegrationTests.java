package io.registryguard.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The attack simulator on a small population (a couple of simulated days in seconds), asserting what the gateway
 * guarantees today: no attacker gets a registry session or reaches an account action, no legitimate user meets a
 * rate limit, and every legitimate login completes its second factor.
 */
class AttackSimulatorIntegrationTests {

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void smallPopulationUnderEveryCampaignThenNoAttackerSessionAndEveryLegitimateLoginCompletes() {
        SimulationReport report = Simulation.run(SimulationParameters.small(), Map.of(), false);
        System.out.println(report.format());

        PopulationStats legit = report.legitimate();
        assertThat(report.errors()).as("simulated clients that failed unexpectedly").isZero();
        assertThat(legit.logins.sum()).isPositive();
        assertThat(report.attackerSessions()).as("registry sessions released to attackers").isZero();
        assertThat(report.attackerActionsAtRegistry()).as("attacker account actions at the registry").isZero();
        assertThat(legit.rateLimited.sum()).as("legitimate logins refused by a rate limit").isZero();
        assertThat(legit.sessions.sum()).as("legitimate logins completed").isEqualTo(legit.logins.sum());
        // The campaigns really ran: passwords were right, and the gateway still gave nothing away.
        assertThat(report.stats(Populations.STUFFING).passwordAccepted.sum()).isPositive();
        assertThat(report.stats(Populations.TAKEOVER).accountActions.sum()).isEqualTo(3);
    }
}
