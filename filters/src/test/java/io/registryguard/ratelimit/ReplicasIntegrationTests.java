package io.registryguard.ratelimit;

import static io.registryguard.ratelimit.RateLimiterBehaviourTests.login;
import static io.registryguard.ratelimit.TestLimits.WAREHOUSE;
import static io.registryguard.ratelimit.TestLimits.limit;
import static io.registryguard.ratelimit.TestLimits.policy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.registryguard.policy.Limit;
import io.registryguard.policy.Policy;
import io.registryguard.ratelimit.RateLimitDecision.Refused;
import io.registryguard.testsupport.RedisTestServer;

/**
 * Two gateway instances, each with its own Lettuce client, sharing one Redis, under concurrent failures: together
 * they never let more attempts through than the budget.
 */
class ReplicasIntegrationTests {

    private final ManualTime time = new ManualTime();
    private final CountingRateLimitMetrics metrics = new CountingRateLimitMetrics();
    private final String prefix = "replicas:" + UUID.randomUUID() + ":";
    private RateLimitRedis firstClient;
    private RateLimitRedis secondClient;

    @BeforeEach
    void connect() {
        String url = RedisTestServer.get().url();
        firstClient = RateLimitRedis.connect(url);
        secondClient = RateLimitRedis.connect(url);
    }

    @AfterEach
    void disconnect() {
        firstClient.close();
        secondClient.close();
    }

    private List<RateLimiter> replicas(Policy policy) {
        return List.of(
                RateLimiter.builder(policy).redis(firstClient.connection()).keyPrefix(prefix).timeMeter(time)
                        .metrics(metrics).build(),
                RateLimiter.builder(policy).redis(secondClient.connection()).keyPrefix(prefix).timeMeter(time)
                        .metrics(metrics).build());
    }

    /** {@code attempts} concurrent failed logins as {@code username}, alternating between the replicas. */
    private List<RateLimitDecision> concurrentFailures(List<RateLimiter> replicas, int attempts, String username) {
        return Flux.range(0, attempts)
                .flatMap(i -> {
                    RateLimiter replica = replicas.get(i % 2);
                    RateLimitRequest request = login("10." + (i / 250) + "." + (i % 250) + ".1", username);
                    return replica.check(request)
                            .flatMap(d -> replica.recordOutcome(d, AttemptOutcome.FAILURE).then(Mono.just(d)));
                }, attempts)
                .collectList()
                .block();
    }

    @Test
    void concurrentFailuresWhenOneUsernameOnTwoReplicasThenTenAdmittedInAll() {
        List<RateLimitDecision> decisions = concurrentFailures(replicas(WAREHOUSE), 200, "alice");

        assertThat(decisions.stream().filter(RateLimitDecision::allowed).count()).isEqualTo(10);
        assertThat(decisions).filteredOn(d -> !d.allowed())
                .allSatisfy(d -> assertThat(((Refused) d).limit()).isEqualTo("login-per-user"));
        assertThat(metrics.storeErrors()).as("no timeouts, no lost contention, no fallback").isZero();
    }

    @Test
    void concurrentFailuresWhenGlobalBudgetOnTwoReplicasThenExactlyTheBudgetAdmitted() {
        Policy global = policy(limit("global", Limit.Key.GLOBAL, Limit.Counts.FAILURES, "login", "100 per 5m"));
        List<RateLimiter> replicas = replicas(global);

        List<RateLimitDecision> decisions = Flux.range(0, 4)
                .concatMap(round -> Mono.fromSupplier(() -> concurrentFailures(replicas, 100, "user-" + round)))
                .flatMapIterable(list -> list)
                .collectList().block();

        assertThat(decisions).hasSize(400);
        assertThat(decisions.stream().filter(RateLimitDecision::allowed).count()).isEqualTo(100);
        assertThat(metrics.storeErrors()).isZero();
    }
}
