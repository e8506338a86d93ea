package io.registryguard.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.registryguard.gateway.demo.DemoRegistry;
import io.registryguard.testsupport.RedisTestServer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The registry every integration test talks to: the demo registry (WireMock speaking Warehouse's
 * routes), one per JVM, a real Redis ({@code SPRING_DATA_REDIS_URL} when set, else one started on a free
 * port), and a writable copy of the built-in policy so reload can be tested.
 */
public final class TestRegistry implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String BUILT_IN_POLICY = "/io/registryguard/policy/policy.yaml";
    private static DemoRegistry registry;
    private static Path policyFile;

    public static synchronized DemoRegistry registry() {
        if (registry == null) {
            registry = DemoRegistry.start();
            Runtime.getRuntime().addShutdownHook(new Thread(registry::close));
        }
        return registry;
    }

    /** The policy file the shared gateway reads; tests that edit it restore it with {@link #restorePolicy()}. */
    public static synchronized Path policyFile() {
        if (policyFile == null) {
            try {
                Path dir = Files.createTempDirectory("registry-guard-test-policy-");
                policyFile = dir.resolve("policy.yaml");
                restorePolicy();
                dir.toFile().deleteOnExit();
                policyFile.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return policyFile;
    }

    /**
     * The built-in policy with risk scoring off: the shared gateway's tests log in hundreds of times from one
     * loopback address with a test client, which the scoring rightly finds suspicious. Risk tests turn it on
     * ({@link #policyWithRisk}) and restore this afterwards.
     */
    public static synchronized void restorePolicy() {
        write(builtIn().replace("\n  enabled: true\n", "\n  enabled: false\n"));
    }

    /** The built-in policy as it ships, risk scoring on, with {@code edit} applied to its text. */
    public static synchronized void policyWithRisk(java.util.function.UnaryOperator<String> edit) {
        write(edit.apply(builtIn()));
    }

    private static String builtIn() {
        try (InputStream in = TestRegistry.class.getResourceAsStream(BUILT_IN_POLICY)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(String policy) {
        try {
            Files.writeString(policyFile(), policy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // A class may point its own gateway elsewhere with @TestPropertySource; that wins.
        var environment = context.getEnvironment();
        if (!environment.containsProperty("guard.upstream-url")) {
            TestPropertyValues.of("guard.upstream-url=" + registry().baseUrl()).applyTo(context);
        }
        if (!environment.containsProperty("spring.data.redis.url")) {
            TestPropertyValues.of("spring.data.redis.url=" + RedisTestServer.get().url()).applyTo(context);
        }
        if (!environment.containsProperty("spring.mail.host")) {
            TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + TestMail.port()).applyTo(context);
        }
        if (!environment.containsProperty("guard.accounts.file")) {
            TestPropertyValues.of("guard.accounts.file=src/test/resources/accounts.yaml").applyTo(context);
        }
        if (!environment.containsProperty("guard.policy-file")) {
            TestPropertyValues.of("guard.policy-file=" + policyFile()).applyTo(context);
        }
    }
}
