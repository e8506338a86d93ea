package io.registryguard.gateway.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attack simulator: the real gateway in front of a simulated Warehouse, a legitimate population logging in over
 * simulated days, and three campaigns (A: per-address brute force and a spray; B: the 2024 low-and-slow credential
 * stuffing; C: the 2023 takeover sequence). Prints a report; exits non-zero when a target is missed.
 *
 * <p>Run: {@code ./mvnw -B -q -pl gateway -am verify -Psimulate -DskipTests}, scaled with {@code -Dsim.users=…} and
 * the other {@code sim.*} properties ({@link SimulationParameters}). Gateway settings to try go in
 * {@code -Dexec.args="guard.some.key=value …"}.
 */
public final class AttackSimulator {

    private AttackSimulator() {
    }

    public static void main(String[] args) {
        SimulationParameters parameters = SimulationParameters.fromSystemProperties();
        Map<String, String> settings = new LinkedHashMap<>();
        for (String arg : args) {
            String setting = arg.startsWith("--") ? arg.substring(2) : arg;
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                System.err.println("Gateway settings are key=value, not '" + arg + "'");
                System.exit(2);
            }
            settings.put(setting.substring(0, eq), setting.substring(eq + 1));
        }
        SimulationReport report = Simulation.run(parameters, settings, true);
        System.out.println(report.format());
        System.exit(report.missedTargets().isEmpty() ? 0 : 1);
    }
}
