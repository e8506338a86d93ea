package io.registryguard.gateway.simulator;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.registryguard.gateway.RegistryGuardApplication;
import io.registryguard.mfa.SecondFactorService;
import io.registryguard.ratelimit.RateLimiter;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The real gateway, in process: {@link RegistryGuardApplication} on a random plain-HTTP port behind a pretend
 * TLS-terminating load balancer (loopback is trusted, so each client's {@code X-Forwarded-For} is its address), in
 * front of the simulated registry, mailing codes to the simulated inboxes, on the simulation's clock.
 */
final class SimulatedGateway implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SimulatedGateway(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * @param settings extra gateway properties ({@code key=value}); they win over the simulation's own
     * @param quiet    warnings and errors only in the log (operators' runs; tests keep the shared log setup)
     */
    static SimulatedGateway start(Clock clock, String registryUrl, String accountsFile, int smtpPort, String redisUrl,
            Map<String, String> settings, boolean quiet) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("guard.upstream-url", registryUrl);
        properties.put("guard.tls.enabled", "false");
        properties.put("server.port", "0");
        properties.put("management.server.port", "0");
        properties.put("guard.trusted-proxies", "127.0.0.1/32, ::1/128");
        properties.put("guard.accounts.file", accountsFile);
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", Integer.toString(smtpPort));
        // Set even when empty: an operator's SPRING_DATA_REDIS_URL must not slip into a simulation.
        properties.put("spring.data.redis.url", redisUrl);
        if (quiet) {
            properties.put("logging.level.root", "WARN");
            properties.put("spring.main.banner-mode", "off");
        }
        properties.putAll(settings);
        // First in line, before the environment is prepared (TLS and logging are decided then).
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("attack-simulator", properties));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(RegistryGuardApplication.class)
                .environment(environment)
                .initializers(new SimulatedClock(clock), SimulatedGateway::ownNettyResources)
                .run();
        return new SimulatedGateway(context);
    }

    /**
     * Event loops of its own: by default closing a reactive application disposes Reactor Netty's global loops, and
     * with them the servers of every other application in the JVM (in a test run, the cached test contexts).
     */
    private static void ownNettyResources(ConfigurableApplicationContext context) {
        ((GenericApplicationContext) context).registerBean("reactorResourceFactory", ReactorResourceFactory.class,
                () -> {
                    ReactorResourceFactory resources = new ReactorResourceFactory();
                    resources.setUseGlobalResources(false);
                    return resources;
                });
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    SecondFactorService factors() {
        return context.getBean(SecondFactorService.class);
    }

    RateLimiter limiter() {
        return context.getBean(RateLimiter.class);
    }

    MeterRegistry meters() {
        return context.getBean(MeterRegistry.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
