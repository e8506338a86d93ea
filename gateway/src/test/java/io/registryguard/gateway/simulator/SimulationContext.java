package io.registryguard.gateway.simulator;

import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/** What the traffic generators' events use when they run: clients, the flow, the clock, the inboxes, the counts. */
record SimulationContext(Browsers browsers, LoginFlow flow, Clock clock, SimMailbox mailbox,
        Map<String, PopulationStats> stats) {

    PopulationStats stats(String population) {
        return stats.get(population);
    }

    /** Runs one event's work, counting an unexpected failure against the population instead of ending the run. */
    void guarded(String population, String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            stats(population).error(what, e);
        }
    }

    /** One password login (and its second factor) by {@code browser}, counted for {@code population}. */
    LoginRecord login(String population, SimBrowser browser, String username, String password, FactorSolver solver,
            Consumer<LoginRecord> before) {
        LoginRecord record = new LoginRecord();
        before.accept(record);
        if (!record.blocked()) {
            Answer answer = flow.postPassword(browser, username, password, record, stats(population));
            flow.secondFactor(browser, answer, solver, record);
        }
        stats(population).record(record);
        return record;
    }
}
