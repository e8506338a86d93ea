package io.registryguard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;

import io.registryguard.audit.AuditDecision;
import io.registryguard.audit.AuditEvent;
import io.registryguard.audit.AuditQuery;
import io.registryguard.audit.AuditTrail;
import io.registryguard.audit.InMemoryAuditTrail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code GET /admin/audit} without a server: parameters, shape, errors. */
class AuditRoutesTests {

    private static final Instant T = Instant.parse("2024-03-01T08:42:33Z");

    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private WebTestClient client;

    @BeforeEach
    void record() {
        Flux.range(0, 3).concatMap(i -> trail.record(AuditEvent.builder("login.failure", T.plusSeconds(i))
                .account(i == 1 ? "bob" : "alice").ip("203.0.113." + i).decision(AuditDecision.DENIED).build()))
                .blockLast();
        client = WebTestClient.bindToRouterFunction(new AuditRoutes(trail).routes()).build();
    }

    @Test
    void auditWhenNoParametersThenEveryEventNewestFirstAsJson() {
        client.get().uri("/admin/audit").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody()
                .jsonPath("$.events.length()").isEqualTo(3)
                .jsonPath("$.events[0].time").isEqualTo("2024-03-01T08:42:35Z")
                .jsonPath("$.events[0].decision").isEqualTo("denied")
                .jsonPath("$.events[2].account").isEqualTo("alice");
    }

    @Test
    void auditWhenFilteredThenOnlyMatchingEvents() {
        client.get().uri("/admin/audit?account=ALICE&since=2024-03-01T08:42:34Z&limit=5").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.events.length()").isEqualTo(1)
                .jsonPath("$.events[0].ip").isEqualTo("203.0.113.2");
        client.get().uri("/admin/audit?ip={ip}&until={until}", "203.0.113.1", "2024-03-01T09:42:36+01:00").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.events[*].account").isEqualTo("bob");
    }

    @Test
    void auditWhenOffsetPlusSentUnencodedThenStillRead() {
        // curl 'http://…/admin/audit?until=2024-03-01T09:42:34+01:00': the + arrives as a space.
        client.get().uri(URI.create("/admin/audit?until=2024-03-01T09:42:34+01:00")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.events.length()").isEqualTo(1);
    }

    @Test
    void auditWhenNothingMatchesThenEmptyList() {
        client.get().uri("/admin/audit?account=carol").exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"events\":[]}", true);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "since=yesterday                                      | since",
        "until=2024-03-01                                     | until",
        "since=2024-03-02T00:00:00Z&until=2024-03-01T00:00:00Z | since",
        "limit=0                                              | limit",
        "limit=1001                                           | limit",
        "limit=ten                                            | limit",
        "ip=example.com                                       | ip",
        "acount=alice                                         | acount",
        "account=alice&account=bob                            | account",
    })
    void auditWhenParameterBadThenProblemNamingIt(String query, String parameter) {
        client.get().uri("/admin/audit?" + query).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .startsWith(parameter + ": "));
    }

    @Test
    void auditWhenStoreFailsThenServiceUnavailable() {
        AuditTrail failing = new AuditTrail() {
            @Override
            public Mono<Void> record(AuditEvent event) {
                return Mono.empty();
            }

            @Override
            public Flux<AuditEvent> query(AuditQuery query) {
                return Flux.error(new IllegalStateException("redis down"));
            }
        };

        WebTestClient.bindToRouterFunction(new AuditRoutes(failing).routes()).build()
                .get().uri("/admin/audit").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.detail").isEqualTo("The audit store did not answer; try again.");
    }
}
