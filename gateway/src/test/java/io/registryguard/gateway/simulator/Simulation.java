package io.registryguard.gateway.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import io.registryguard.gateway.support.Totps;
import io.registryguard.mfa.SecondFactorService;
import io.registryguard.mfa.TotpProvisioning;
import io.registryguard.testsupport.MutableClock;
import io.registryguard.testsupport.RedisTestServer;

/**
 * One run: generate the population and the schedule, start the simulated registry, the inboxes and the real
 * gateway on a simulated clock, play the dormant accounts' past, enroll the users' factors, warm up, play the
 * schedule, and report.
 */
final class Simulation {

    private Simulation() {
    }

    /**
     * @param gatewaySettings extra gateway properties, e.g. policy or risk settings under test
     * @param quiet           only warnings in the gateway's log
     */
    static SimulationReport run(SimulationParameters parameters, Map<String, String> gatewaySettings, boolean quiet) {
        long started = System.nanoTime();
        Addresses addresses = new Addresses(random(parameters, 1));
        Population population = Population.generate(parameters, random(parameters, 2), addresses);
        MutableClock clock = new MutableClock(parameters.start().minus(Duration.ofHours(1)));
        List<SimAccount> registryAccounts = new ArrayList<>(population.allAccounts());
        registryAccounts.add(WarmUp.ACCOUNT);
        Path accounts = accountDirectory(registryAccounts);
        try (SimulatedRegistry registry = SimulatedRegistry.start(registryAccounts);
                SimMailbox mailbox = SimMailbox.start();
                SimulatedGateway gateway = SimulatedGateway.start(clock, registry.baseUrl(), accounts.toString(),
                        mailbox.smtpPort(), redisUrl(parameters), gatewaySettings, quiet)) {
            Browsers browsers = new Browsers(gateway.baseUri());
            DormantHistory.play(population.dormant(), parameters, browsers, addresses, random(parameters, 3), clock);
            clock.set(parameters.start().minus(Duration.ofHours(1)));
            enrollFactors(gateway.factors(), population.legit(), clock);
            WarmUp.run(gateway, browsers, clock);
            clock.set(parameters.start());
            Map<String, PopulationStats> stats = new LinkedHashMap<>();
            Populations.ALL.forEach(p -> stats.put(p, new PopulationStats()));
            SimulationContext context = new SimulationContext(browsers,
                    new LoginFlow(parameters.throttleThreshold()), clock, mailbox, stats);
            EventSchedule schedule = new EventSchedule();
            LegitimateTraffic.schedule(schedule, parameters, population, addresses, random(parameters, 4), context);
            BruteForceCampaign.schedule(schedule, parameters, population, addresses, random(parameters, 5), context);
            StuffingCampaign.schedule(schedule, parameters, population, addresses, random(parameters, 6), context);
            TakeoverCampaign.schedule(schedule, parameters, population, addresses, random(parameters, 7), context);
            Duration setup = Duration.ofNanos(System.nanoTime() - started);
            SimulationRunner.Timing timing = SimulationRunner.run(schedule, clock, parameters.start(),
                    parameters.tick(), parameters.concurrency()).afterSetup(setup);
            GatewayMetrics metrics = GatewayMetrics.read(gateway.meters());
            return new SimulationReport(parameters, stats, registry.counters(), metrics, timing,
                    LimiterClockProbe.followsSimulatedClock(gateway.limiter(), clock));
        } finally {
            delete(accounts);
        }
    }

    private static String redisUrl(SimulationParameters parameters) {
        return SimulationParameters.LOCAL_REDIS.equals(parameters.redisUrl()) ? RedisTestServer.get().url()
                : parameters.redisUrl();
    }

    /** Each part draws from its own stream, so resizing one campaign leaves the others' schedules alone. */
    private static Random random(SimulationParameters parameters, int stream) {
        return new Random(parameters.seed() * 31 + stream);
    }

    /** In the hour before the start, so no login reuses the enrollment's TOTP step. */
    private static void enrollFactors(SecondFactorService factors, List<LegitUser> users, MutableClock clock) {
        for (LegitUser user : users) {
            String username = user.account().username();
            TotpProvisioning provisioning = factors.enrollTotp(username);
            String secret = provisioning.secret().base32();
            factors.confirmTotp(username, provisioning.secret(), Totps.code(secret, clock.instant()))
                    .blockOptional(Duration.ofSeconds(10))
                    .orElseThrow(() -> new IllegalStateException("the gateway refused the factor of " + username));
            user.totpSecret(secret);
        }
    }

    /** The gateway's account directory (guard.accounts.file): where the emailed codes go. */
    private static Path accountDirectory(List<SimAccount> accounts) {
        try {
            Path file = Files.createTempFile("simulated-accounts-", ".yaml");
            Files.writeString(file, "accounts:\n" + accounts.stream()
                    .map(a -> "  \"" + a.username() + "\": \"" + a.email() + "\"")
                    .collect(Collectors.joining("\n")) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file of test data; the OS cleans it up eventually
        }
    }
}
