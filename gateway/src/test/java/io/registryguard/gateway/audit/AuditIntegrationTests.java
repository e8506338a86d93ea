package io.registryguard.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import io.registryguard.audit.AuditDecision;
import io.registryguard.audit.AuditEvent;
import io.registryguard.audit.AuditEventTypes;
import io.registryguard.audit.AuditTrail;
import io.registryguard.audit.RedisAuditTrail;
import io.registryguard.gateway.support.GatewayClients;
import io.registryguard.gateway.support.GatewayIntegrationTest;
import io.registryguard.policy.RouteClass;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The audit trail on the running gateway: recorded through the bean, read back through the admin API. */
@GatewayIntegrationTest
class AuditIntegrationTests {

    @LocalManagementPort
    int managementPort;

    @Autowired
    AuditTrail trail;

    private final String account = "audit-" + UUID.randomUUID();

    @Test
    void auditWhenEventRecordedThenReadBackThroughTheAdminApiFromRedis() {
        assertThat(trail).isInstanceOf(RedisAuditTrail.class);
        AuditEvent event = AuditEvent.builder(AuditEventTypes.SENSITIVE_DENIED, Instant.now()).account(account)
                .ip("203.0.113.77").userAgent("twine/5.0 </script>").routeClass(RouteClass.SENSITIVE)
                .path("/manage/account/?token=never-kept").decision(AuditDecision.DENIED).reason("no-step-up-token")
                .detail("rule", "delete-account").build();

        trail.record(event).block();

        GatewayClients.http(managementPort).get().uri("/admin/audit?account={a}&limit=5", account)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + GatewayIntegrationTest.ADMIN_TOKEN).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.events.length()").isEqualTo(1)
                .jsonPath("$.events[0].type").isEqualTo("sensitive.denied")
                .jsonPath("$.events[0].time").isEqualTo(event.time().toString())
                .jsonPath("$.events[0].account").isEqualTo(account)
                .jsonPath("$.events[0].ip").isEqualTo("203.0.113.77")
                .jsonPath("$.events[0].userAgent").isEqualTo("twine/5.0 </script>")
                .jsonPath("$.events[0].routeClass").isEqualTo("sensitive")
                .jsonPath("$.events[0].path").isEqualTo("/manage/account/")
                .jsonPath("$.events[0].decision").isEqualTo("denied")
                .jsonPath("$.events[0].reasons[0]").isEqualTo("no-step-up-token")
                .jsonPath("$.events[0].details.rule").isEqualTo("delete-account");
        GatewayClients.http(managementPort).get().uri("/actuator/prometheus").exchange()
                .expectBody(String.class).value(scrape -> assertThat(scrape)
                        .containsPattern("guard_audit_events_total\\{type=\"sensitive.denied\"} [1-9]")
                        .contains("guard_audit_write_errors_total"));
    }

    @Test
    void auditWhenNoAdminTokenThenUnauthorized() {
        GatewayClients.http(managementPort).get().uri("/admin/audit").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"registry-guard-admin\"");
    }

    @Test
    void auditWhenSinceIsNotAnInstantThenBadRequestNamingIt() {
        GatewayClients.http(managementPort).get().uri("/admin/audit?since=yesterday")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + GatewayIntegrationTest.ADMIN_TOKEN).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.detail").isEqualTo("since: expected an ISO-8601 instant such as 2024-03-01T08:42:33Z");
    }
}
