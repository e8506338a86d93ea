package io.registryguard.gateway.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything a simulation run is made of, read from {@code -Dsim.*} system properties (operators) or built in code
 * (the integration test). Every value is printed with the report, so a run can be repeated.
 *
 * @param users                 legitimate users, each with a TOTP factor, a home address and a browser
 * @param days                  simulated days of legitimate traffic
 * @param warmupDays            days of legitimate traffic only, before the first attack (history, baselines)
 * @param dormantAccounts       old accounts without a factor that nobody has used lately (the 2024 victims)
 * @param dormantLastLoginDays  how long before the start their owners last signed in (and left at the email
 *                              step); 0: never through the gateway
 * @param typoRate              share of legitimate logins that start with a wrong password
 * @param newDeviceRate         share of legitimate logins from a new browser and/or a new address
 * @param bruteForceAccounts    campaign A: accounts one address guesses passwords on
 * @param bruteForcePasswords   campaign A: passwords tried per account
 * @param sprayUsernames        campaign A: usernames one address tries one common password on
 * @param stuffingAddresses     campaign B: attacking addresses
 * @param stuffingCorrectShare  campaign B: share of the leaked pairs whose password is right (dormant accounts)
 * @param stuffingScriptedShare campaign B: share of addresses with a scripted client (no browser headers)
 * @param stuffingClusteredShare campaign B: share of addresses packed into a few /24s
 * @param stuffingHours         campaign B: how long the wave lasts
 * @param takeoverVictims       campaign C: accounts whose password the 2023 attacker has
 * @param tick                  events within one tick run concurrently at the tick's start time
 * @param concurrency           client threads
 * @param throttleThreshold     a login answer slower than this (wall clock) counts as throttled
 * @param start                 the simulated time of the first event
 * @param seed                  the random seed of the population and the schedule
 * @param redisUrl              Redis for the gateway's stores (start from an empty database: factors, history and
 *                              buckets of an earlier run would mix in); {@code local}: a redis-server started for
 *                              the run; blank: in memory
 */
public record SimulationParameters(int users, int days, int warmupDays, int dormantAccounts,
        int dormantLastLoginDays, double typoRate,
        double newDeviceRate, int bruteForceAccounts, int bruteForcePasswords, int sprayUsernames,
        int stuffingAddresses, double stuffingCorrectShare, double stuffingScriptedShare,
        double stuffingClusteredShare, int stuffingHours, int takeoverVictims, Duration tick, int concurrency,
        Duration throttleThreshold, Instant start, long seed, String redisUrl) {

    /** {@code -Dsim.redis-url=local}: a fresh redis-server of the test support, started for the run. */
    public static final String LOCAL_REDIS = "local";

    public SimulationParameters {
        positive("sim.users", users);
        positive("sim.days", days);
        if (warmupDays < 0 || warmupDays >= days) {
            throw new IllegalArgumentException("sim.warmup-days must be 0 to sim.days - 1, was " + warmupDays);
        }
        positive("sim.dormant", dormantAccounts);
        if (dormantLastLoginDays < 0) {
            throw new IllegalArgumentException("sim.dormant.last-login-days must be >= 0, was " + dormantLastLoginDays);
        }
        if (dormantAccounts < takeoverVictims + 1) {
            throw new IllegalArgumentException("sim.dormant must exceed sim.takeover.victims");
        }
        share("sim.typo-rate", typoRate);
        share("sim.new-device-rate", newDeviceRate);
        positive("sim.brute-force.accounts", bruteForceAccounts);
        if (bruteForceAccounts > users) {
            throw new IllegalArgumentException("sim.brute-force.accounts must be at most sim.users");
        }
        positive("sim.brute-force.passwords", bruteForcePasswords);
        positive("sim.spray.usernames", sprayUsernames);
        positive("sim.stuffing.addresses", stuffingAddresses);
        share("sim.stuffing.correct-share", stuffingCorrectShare);
        share("sim.stuffing.scripted-share", stuffingScriptedShare);
        share("sim.stuffing.clustered-share", stuffingClusteredShare);
        positive("sim.stuffing.hours", stuffingHours);
        positive("sim.takeover.victims", takeoverVictims);
        if (tick.isNegative() || tick.isZero() || tick.getNano() != 0) {
            throw new IllegalArgumentException("sim.tick must be a whole number of seconds > 0, was " + tick);
        }
        positive("sim.concurrency", concurrency);
        redisUrl = redisUrl == null ? "" : redisUrl.strip();
    }

    /** The defaults of an operator's run: 2,000 users over 3 days, the attacks on days 2 and 3. */
    public static SimulationParameters defaults() {
        return new SimulationParameters(2000, 3, 1, 200, 200, 0.03, 0.03, 3, 100, 300, 300, 0.10, 0.5, 0.3, 6, 1,
                Duration.ofSeconds(1), 8, Duration.ofMillis(1500), Instant.parse("2024-03-04T00:00:00Z"), 2024, "");
    }

    /** {@link #defaults()} overridden by {@code -Dsim.*} system properties. */
    public static SimulationParameters fromSystemProperties() {
        SimulationParameters d = defaults();
        return new SimulationParameters(
                integer("sim.users", d.users),
                integer("sim.days", d.days),
                integer("sim.warmup-days", d.warmupDays),
                integer("sim.dormant", d.dormantAccounts),
                integer("sim.dormant.last-login-days", d.dormantLastLoginDays),
                decimal("sim.typo-rate", d.typoRate),
                decimal("sim.new-device-rate", d.newDeviceRate),
                integer("sim.brute-force.accounts", d.bruteForceAccounts),
                integer("sim.brute-force.passwords", d.bruteForcePasswords),
                integer("sim.spray.usernames", d.sprayUsernames),
                integer("sim.stuffing.addresses", d.stuffingAddresses),
                decimal("sim.stuffing.correct-share", d.stuffingCorrectShare),
                decimal("sim.stuffing.scripted-share", d.stuffingScriptedShare),
                decimal("sim.stuffing.clustered-share", d.stuffingClusteredShare),
                integer("sim.stuffing.hours", d.stuffingHours),
                integer("sim.takeover.victims", d.takeoverVictims),
                Duration.ofSeconds(integer("sim.tick", (int) d.tick.toSeconds())),
                integer("sim.concurrency", d.concurrency),
                Duration.ofMillis(integer("sim.throttle-threshold-ms", (int) d.throttleThreshold.toMillis())),
                read("sim.start", d.start, Instant::parse),
                read("sim.seed", d.seed, Long::parseLong),
                System.getProperty("sim.redis-url", d.redisUrl));
    }

    /** A population small enough for a test (well under a minute), with every campaign present. */
    public static SimulationParameters small() {
        SimulationParameters d = defaults();
        return new SimulationParameters(60, 2, 1, 30, d.dormantLastLoginDays, d.typoRate, d.newDeviceRate, 2, 20, 30, 30,
                d.stuffingCorrectShare, d.stuffingScriptedShare, d.stuffingClusteredShare, 3, 1, d.tick, 8,
                d.throttleThreshold, d.start, d.seed, "");
    }

    /** The first simulated instant at which attacks may run. */
    public Instant attackStart() {
        return start.plus(Duration.ofDays(warmupDays));
    }

    public Instant end() {
        return start.plus(Duration.ofDays(days));
    }

    /** Name → value, in the order of the report. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("sim.users", Integer.toString(users));
        out.put("sim.days", Integer.toString(days));
        out.put("sim.warmup-days", Integer.toString(warmupDays));
        out.put("sim.dormant", Integer.toString(dormantAccounts));
        out.put("sim.dormant.last-login-days", Integer.toString(dormantLastLoginDays));
        out.put("sim.typo-rate", Double.toString(typoRate));
        out.put("sim.new-device-rate", Double.toString(newDeviceRate));
        out.put("sim.brute-force.accounts", Integer.toString(bruteForceAccounts));
        out.put("sim.brute-force.passwords", Integer.toString(bruteForcePasswords));
        out.put("sim.spray.usernames", Integer.toString(sprayUsernames));
        out.put("sim.stuffing.addresses", Integer.toString(stuffingAddresses));
        out.put("sim.stuffing.correct-share", Double.toString(stuffingCorrectShare));
        out.put("sim.stuffing.scripted-share", Double.toString(stuffingScriptedShare));
        out.put("sim.stuffing.clustered-share", Double.toString(stuffingClusteredShare));
        out.put("sim.stuffing.hours", Integer.toString(stuffingHours));
        out.put("sim.takeover.victims", Integer.toString(takeoverVictims));
        out.put("sim.tick", tick.toSeconds() + "s");
        out.put("sim.concurrency", Integer.toString(concurrency));
        out.put("sim.throttle-threshold-ms", Long.toString(throttleThreshold.toMillis()));
        out.put("sim.start", start.toString());
        out.put("sim.seed", Long.toString(seed));
        out.put("sim.redis-url", redisUrl.isEmpty() ? "(none: in-memory stores)"
                : LOCAL_REDIS.equals(redisUrl) ? "local (a redis-server started for the run)" : "(set)");
        return out;
    }

    private static int integer(String name, int fallback) {
        return read(name, fallback, Integer::parseInt);
    }

    private static double decimal(String name, double fallback) {
        return read(name, fallback, Double::parseDouble);
    }

    private static <T> T read(String name, T fallback, Function<String, T> parse) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(value.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": cannot read '" + value + "' (" + e.getMessage() + ")", e);
        }
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
    }

    private static void share(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
        }
    }
}
