package io.registryguard.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Misconfiguration stops the start with a message that says what to fix, not a stack trace puzzle. */
class StartupFailureTests {

    private static SpringApplicationBuilder gateway(String... properties) {
        return new SpringApplicationBuilder(RegistryGuardApplication.class)
                .web(WebApplicationType.NONE)
                .properties("management.server.port=0", "guard.tls.http-port=0")
                .properties(properties);
    }

    @Test
    void startWhenNoUpstreamAndNoDemoProfileThenFailsNamingTheVariable() {
        assertThatThrownBy(() -> gateway().run().close())
                .rootCause()
                .hasMessageContaining("GUARD_UPSTREAM_URL")
                .hasMessageContaining("--spring.profiles.active=demo");
    }

    @Test
    void startWhenPolicyFileInvalidThenFailsListingEveryProblem(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, """
                version: broken
                routes:
                  login:
                    class: logn
                    methods: [POST]
                    path: account/login/
                """);

        assertThatThrownBy(() -> gateway("guard.upstream-url=http://127.0.0.1:1", "guard.policy-file=" + policy)
                .run().close())
                .rootCause()
                .hasMessageContaining("policy.yaml:4: routes.login.class")
                .hasMessageContaining("policy.yaml:6: routes.login.path");
    }

    @Test
    void startWhenCertificateWithoutKeyThenFailsNamingBoth() {
        assertThatThrownBy(() -> gateway("guard.upstream-url=http://127.0.0.1:1",
                "guard.tls.certificate=/nonexistent/tls.crt").run().close())
                .hasMessageContaining("GUARD_TLS_CERTIFICATE");
    }
}
