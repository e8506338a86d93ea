package io.registryguard.ratelimit;

import static io.registryguard.ratelimit.TestLimits.WAREHOUSE;
import static io.registryguard.ratelimit.TestLimits.ip;
import static io.registryguard.ratelimit.TestLimits.limit;
import static io.registryguard.ratelimit.TestLimits.policy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.registryguard.policy.Limit;
import io.registryguard.policy.Limit.Counts;
import io.registryguard.policy.Policy;
import io.registryguard.policy.RouteClass;
import io.registryguard.ratelimit.RateLimitDecision.Refused;

/**
 * What the limits do, the same with buckets in memory and in Redis: each subclass supplies the store. Time is
 * manual, so refills happen only when a test advances it.
 */
abstract class RateLimiterBehaviourTests {

    protected final ManualTime time = new ManualTime();
    protected final CountingRateLimitMetrics metrics = new CountingRateLimitMetrics();

    /** A limiter on {@link #time} and {@link #metrics}; every call of one test shares the same buckets. */
    protected abstract RateLimiter limiter(Policy policy);

    // --- helpers --------------------------------------------------------------------------------------------

    static RateLimitRequest login(String address, String username) {
        return RateLimitRequest.of(RouteClass.LOGIN, ip(address), username);
    }

    static RateLimitDecision check(RateLimiter limiter, RateLimitRequest request) {
        return limiter.check(request).block();
    }

    /** An attempt the registry answers with {@code outcome}, if it gets there. */
    static RateLimitDecision attempt(RateLimiter limiter, RateLimitRequest request, AttemptOutcome outcome) {
        RateLimitDecision decision = check(limiter, request);
        limiter.recordOutcome(decision, outcome).block();
        return decision;
    }

    static RateLimitDecision fail(RateLimiter limiter, RateLimitRequest request) {
        return attempt(limiter, request, AttemptOutcome.FAILURE);
    }

    static void failTimes(RateLimiter limiter, int times, RateLimitRequest request) {
        for (int i = 0; i < times; i++) {
            assertThat(fail(limiter, request).allowed()).as("failure %d of %s", i + 1, request).isTrue();
        }
    }

    static Refused refused(RateLimitDecision decision) {
        assertThat(decision).isInstanceOf(Refused.class);
        return (Refused) decision;
    }

    // --- each limit of the Warehouse profile ----------------------------------------------------------------

    @Test
    void loginWhenTenFailuresFromOneAddressThenEleventhRefusedByLoginPerIp() {
        RateLimiter limiter = limiter(WAREHOUSE);
        for (int i = 0; i < 10; i++) {
            assertThat(fail(limiter, login("198.51.100.7", "user" + i)).allowed()).isTrue();
        }

        Refused refused = refused(check(limiter, login("198.51.100.7", "someone-else")));

        assertThat(refused.limit()).isEqualTo("login-per-ip");
        assertThat(refused.reason()).isEqualTo(Refused.Reason.EXHAUSTED);
        assertThat(check(limiter, login("198.51.100.8", "someone-else")).allowed()).isTrue();
    }

    @Test
    void loginWhenTenFailuresForOneUsernameThenEleventhRefusedFromAnyAddress() {
        RateLimiter limiter = limiter(WAREHOUSE);
        for (int i = 0; i < 10; i++) {
            assertThat(fail(limiter, login("203.0." + i + ".1", "alice")).allowed()).isTrue();
        }

        assertThat(refused(check(limiter, login("192.0.2.99", "alice"))).limit()).isEqualTo("login-per-user");
        assertThat(check(limiter, login("192.0.2.99", "bob")).allowed()).isTrue();
    }

    @Test
    void loginWhenUsernameInAnotherCaseThenSameBucket() {
        RateLimiter limiter = limiter(WAREHOUSE);
        for (int i = 0; i < 10; i++) {
            fail(limiter, login("203.0." + i + ".1", i % 2 == 0 ? "Alice" : " alice "));
        }

        assertThat(refused(check(limiter, login("192.0.2.99", "ALICE"))).limit()).isEqualTo("login-per-user");
    }

    @Test
    void loginWhenFiftyFailuresFromOneSubnetThenAnotherAddressInItRefused() {
        RateLimiter limiter = limiter(WAREHOUSE);
        for (int i = 0; i < 50; i++) {
            assertThat(fail(limiter, login("198.51.100." + (i / 10 + 1), "user" + i)).allowed()).isTrue();
        }

        assertThat(refused(check(limiter, login("198.51.100.200", "fresh"))).limit()).isEqualTo("login-per-subnet");
        assertThat(check(limiter, login("198.51.101.200", "fresh")).allowed()).isTrue();
    }

    @Test
    void loginWhenIpv6AddressesShareA56ThenOneSubnetBucket() {
        RateLimiter limiter = limiter(policy(limit("per-subnet", Limit.Key.SUBNET, Counts.FAILURES, "login", "2 per 5m")));
        fail(limiter, login("2001:db8:0:1100::1", "a"));
        fail(limiter, login("2001:db8:0:11ff:ffff::2", "b"));

        assertThat(check(limiter, login("2001:db8:0:1101::3", "c")).allowed()).isFalse();
        assertThat(check(limiter, login("2001:db8:0:1200::3", "c")).allowed()).isTrue();
    }

    @Test
    void loginWhenGlobalBudgetSpentThenEveryoneRefused() {
        RateLimiter limiter = limiter(policy(limit("global", Limit.Key.GLOBAL, Counts.FAILURES, "login", "5 per 5m")));
        for (int i = 0; i < 5; i++) {
            fail(limiter, login("203.0.113." + i, "user" + i));
        }

        Refused refused = refused(check(limiter, login("192.0.2.1", "nobody-yet")));
        assertThat(refused.limit()).isEqualTo("global");
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void secondFactorWhenFiveFailuresThenRefusedForAMinuteAndTheHourlyBandwidthHolds() {
        RateLimiter limiter = limiter(WAREHOUSE);
        failTimes(limiter, 5, secondFactor(0, "alice"));
        assertThat(refused(check(limiter, secondFactor(0, "alice"))).retryAfter()).isEqualTo(Duration.ofMinutes(1));

        int passed = 5;
        for (int minute = 1; minute <= 60; minute++) { // one a minute: the 5-minute bandwidth always has a token
            time.advance(Duration.ofMinutes(1));
            passed += fail(limiter, secondFactor(minute, "alice")).allowed() ? 1 : 0;
        }

        // "20 per 1h" holds 20 tokens and refills one every 3 minutes: 20 at once plus 20 over the hour.
        assertThat(passed).isEqualTo(40);
        Refused refused = refused(check(limiter, secondFactor(61, "alice")));
        assertThat(refused.limit()).isEqualTo("second-factor-per-user");
        assertThat(refused.retryAfter()).isLessThanOrEqualTo(Duration.ofMinutes(3));
    }

    /** A second-factor answer from an address of its own, so that only the per-user limit counts. */
    private static RateLimitRequest secondFactor(int address, String username) {
        return RateLimitRequest.of(RouteClass.SECOND_FACTOR, ip("198.51." + (address / 200) + "." + (address % 200 + 1)),
                username);
    }

    @Test
    void emailCodeWhenThreeSentThenFourthRefusedWhateverTheOutcome() {
        RateLimiter limiter = limiter(WAREHOUSE);
        RateLimitRequest send = RateLimitRequest.emailCode(ip("198.51.100.1"), "alice");
        for (int i = 0; i < 3; i++) {
            assertThat(attempt(limiter, send, AttemptOutcome.SUCCESS).allowed()).isTrue();
        }

        Refused refused = refused(check(limiter, send));
        assertThat(refused.limit()).isEqualTo("email-code-per-user");
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void apiAuthWhenNoUsernameThenOnlyTheAddressCounts() {
        RateLimiter limiter = limiter(WAREHOUSE);
        for (int i = 0; i < 10; i++) {
            assertThat(fail(limiter, RateLimitRequest.of(RouteClass.API_AUTH, ip("198.51.100.1"), null)).allowed())
                    .isTrue();
        }

        assertThat(refused(check(limiter, RateLimitRequest.of(RouteClass.API_AUTH, ip("198.51.100.1"), null)))
                .limit()).isEqualTo("login-per-ip");
        assertThat(metrics.decisions("login-per-user", RateLimitMetrics.Outcome.ALLOWED)).isZero();
    }

    @Test
    void checkWhenNoLimitAppliesThenAllowedWithoutAnyBucket() {
        RateLimiter limiter = limiter(WAREHOUSE);
        for (int i = 0; i < 50; i++) {
            assertThat(fail(limiter, RateLimitRequest.of(RouteClass.SENSITIVE, ip("198.51.100.1"), "alice")).allowed())
                    .isTrue();
        }
        assertThat(metrics.decisions("login-per-ip", RateLimitMetrics.Outcome.ALLOWED)).isZero();
    }

    // --- failures versus attempts ---------------------------------------------------------------------------

    @Test
    void loginWhenAttemptsSucceedThenFailureBudgetsUntouched() {
        RateLimiter limiter = limiter(WAREHOUSE);
        for (int i = 0; i < 30; i++) {
            assertThat(attempt(limiter, login("198.51.100.1", "alice"), AttemptOutcome.SUCCESS).allowed()).isTrue();
        }

        failTimes(limiter, 10, login("198.51.100.1", "alice"));
        assertThat(check(limiter, login("198.51.100.1", "alice")).allowed()).isFalse();
    }

    @Test
    void attemptsLimitWhenAttemptsSucceedThenEachStillCharged() {
        RateLimiter limiter = limiter(policy(limit("per-ip", Limit.Key.IP, Counts.ATTEMPTS, "login", "3 per 5m")));
        for (int i = 0; i < 3; i++) {
            assertThat(attempt(limiter, login("198.51.100.1", "alice"), AttemptOutcome.SUCCESS).allowed()).isTrue();
        }

        assertThat(check(limiter, login("198.51.100.1", "alice")).allowed()).isFalse();
    }

    @Test
    void loginWhenOutcomeNeverRecordedThenCountedAsFailure() {
        RateLimiter limiter = limiter(WAREHOUSE);
        for (int i = 0; i < 10; i++) {
            assertThat(check(limiter, login("198.51.100.1", "alice")).allowed()).isTrue();
        }

        assertThat(check(limiter, login("198.51.100.1", "alice")).allowed()).isFalse();
    }

    @Test
    void recordOutcomeWhenRecordedAgainThenOnlyTheFirstCounts() {
        RateLimiter limiter = limiter(policy(limit("per-user", Limit.Key.USERNAME, Counts.FAILURES, "login", "2 per 5m")));
        RateLimitDecision first = check(limiter, login("198.51.100.1", "alice"));
        limiter.recordOutcome(first, AttemptOutcome.FAILURE).block();
        limiter.recordOutcome(first, AttemptOutcome.SUCCESS).block();
        RateLimitDecision second = check(limiter, login("198.51.100.1", "alice"));
        limiter.recordOutcome(second, AttemptOutcome.SUCCESS).block();
        limiter.recordOutcome(second, AttemptOutcome.SUCCESS).block();

        assertThat(fail(limiter, login("198.51.100.1", "alice")).allowed()).isTrue();
        assertThat(check(limiter, login("198.51.100.1", "alice")).allowed()).as("1 failure + 1, nothing extra back")
                .isFalse();
    }

    @Test
    void checkWhenOneBucketEmptyThenTheOthersAreNotCharged() {
        RateLimiter limiter = limiter(WAREHOUSE);
        for (int i = 0; i < 10; i++) {
            fail(limiter, login("203.0." + i + ".1", "alice"));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(check(limiter, login("198.51.100.1", "alice")).allowed()).isFalse();
        }

        failTimes(limiter, 10, login("198.51.100.1", "bob")); // the address still has its 10
        assertThat(refused(check(limiter, login("198.51.100.1", "carol"))).limit()).isEqualTo("login-per-ip");
    }

    // --- retry-after ----------------------------------------------------------------------------------------

    @Test
    void loginWhenLockedThenRetryAfterIsOneRefillAndATokenComesBackThen() {
        RateLimiter limiter = limiter(WAREHOUSE);
        failTimes(limiter, 10, login("198.51.100.1", "alice"));
        time.advance(Duration.ofSeconds(10));

        Refused refused = refused(check(limiter, login("198.51.100.1", "alice")));
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(refused.retryAfterSeconds()).isEqualTo(20);

        time.advance(Duration.ofSeconds(20));
        assertThat(fail(limiter, login("198.51.100.1", "alice")).allowed()).isTrue();
        assertThat(refused(check(limiter, login("198.51.100.1", "alice"))).retryAfter())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void checkWhenSeveralBucketsEmptyThenTheLongestWaitAndItsLimit() {
        RateLimiter limiter = limiter(policy(
                limit("per-ip", Limit.Key.IP, Counts.FAILURES, "login", "2 per 1m"),
                limit("per-user", Limit.Key.USERNAME, Counts.FAILURES, "login", "2 per 10m")));
        failTimes(limiter, 2, login("198.51.100.1", "alice"));

        Refused refused = refused(check(limiter, login("198.51.100.1", "alice")));

        assertThat(refused.limit()).isEqualTo("per-user");
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(refused(check(limiter, login("198.51.100.1", "alice"))).retryAfter())
                .as("the known block answers the same").isEqualTo(Duration.ofMinutes(5));
    }

    // --- devices --------------------------------------------------------------------------------------------

    @Test
    void loginWhenUsernameLockedThenKnownDeviceStillGetsInOnItsOwnBudget() {
        RateLimiter limiter = limiter(WAREHOUSE);
        for (int i = 0; i < 10; i++) {
            fail(limiter, login("203.0." + i + ".1", "alice"));
        }
        assertThat(check(limiter, login("192.0.2.50", "alice")).allowed()).isFalse();

        for (int i = 0; i < 9; i++) {
            assertThat(fail(limiter, login("192.0.2." + i, "alice").withDevice("device-1")).allowed()).isTrue();
        }
        assertThat(attempt(limiter, login("192.0.2.50", "alice").withDevice("device-1"), AttemptOutcome.SUCCESS)
                .allowed()).isTrue();
        assertThat(fail(limiter, login("192.0.2.51", "alice").withDevice("device-1")).allowed()).isTrue();

        Refused refused = refused(check(limiter, login("192.0.2.52", "alice").withDevice("device-1")));
        assertThat(refused.limit()).isEqualTo("login-per-device");
        assertThat(check(limiter, login("192.0.2.53", "alice").withDevice("device-2")).allowed()).isTrue();
    }

    @Test
    void secondFactorWhenDeviceGivenThenUsernameLimitStillApplies() {
        RateLimiter limiter = limiter(WAREHOUSE);
        RateLimitRequest answer = RateLimitRequest.of(RouteClass.SECOND_FACTOR, ip("198.51.100.1"), "alice")
                .withDevice("device-1");
        failTimes(limiter, 5, answer);

        assertThat(refused(check(limiter, answer)).limit()).isEqualTo("second-factor-per-user");
    }

    // --- policy changes -------------------------------------------------------------------------------------

    @Test
    void applyWhenBandwidthLoweredThenNextCheckUsesIt() {
        RateLimiter limiter = limiter(WAREHOUSE);
        failTimes(limiter, 2, login("198.51.100.1", "alice"));

        limiter.apply(policy(limit("login-per-user", Limit.Key.USERNAME, Counts.FAILURES, "login", "3 per 5m")));

        failTimes(limiter, 3, login("198.51.100.1", "alice"));
        Refused refused = refused(check(limiter, login("198.51.100.1", "alice")));
        assertThat(refused.limit()).isEqualTo("login-per-user");
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(100));
    }

    @Test
    void applyWhenBandwidthRaisedThenTokensUsedStayUsedAndLockIsLifted() {
        RateLimiter limiter = limiter(policy(limit("per-user", Limit.Key.USERNAME, Counts.FAILURES, "login", "4 per 5m")));
        failTimes(limiter, 4, login("198.51.100.1", "alice"));
        assertThat(check(limiter, login("198.51.100.1", "alice")).allowed()).isFalse();

        limiter.apply(policy(limit("per-user", Limit.Key.USERNAME, Counts.FAILURES, "login", "6 per 5m")));

        failTimes(limiter, 2, login("198.51.100.1", "alice"));
        assertThat(check(limiter, login("198.51.100.1", "alice")).allowed()).isFalse();
    }

    @Test
    void applyWhenLimitRemovedThenItNoLongerRefuses() {
        RateLimiter limiter = limiter(policy(limit("per-user", Limit.Key.USERNAME, Counts.FAILURES, "login", "1 per 5m")));
        fail(limiter, login("198.51.100.1", "alice"));
        assertThat(check(limiter, login("198.51.100.1", "alice")).allowed()).isFalse();

        limiter.apply(policy());

        assertThat(check(limiter, login("198.51.100.1", "alice")).allowed()).isTrue();
    }

    // --- admin ----------------------------------------------------------------------------------------------

    @Test
    void unlockWhenUsernameThenItsBucketsStartFull() {
        RateLimiter limiter = limiter(WAREHOUSE);
        for (int i = 0; i < 10; i++) {
            fail(limiter, login("203.0." + i + ".1", "alice"));
        }
        assertThat(check(limiter, login("192.0.2.1", "alice")).allowed()).isFalse();

        limiter.unlock(Limit.Key.USERNAME, "Alice").block();

        failTimes(limiter, 10, login("192.0.2." + 1, "alice"));
        assertThat(check(limiter, login("192.0.2.2", "alice")).allowed()).isFalse();
    }

    @Test
    void unlockWhenAddressThenItsAddressAndSubnetBucketsStartFull() {
        RateLimiter limiter = limiter(policy(
                limit("per-ip", Limit.Key.IP, Counts.FAILURES, "login", "1 per 5m"),
                limit("per-subnet", Limit.Key.SUBNET, Counts.FAILURES, "login", "1 per 5m")));
        fail(limiter, login("198.51.100.1", "alice"));
        assertThat(check(limiter, login("198.51.100.1", "bob")).allowed()).isFalse();

        limiter.unlock(Limit.Key.IP, "198.51.100.1").block();

        assertThat(check(limiter, login("198.51.100.1", "bob")).allowed()).isTrue();
    }

    @Test
    void blocksWhenBucketsRefusedThenListedLongestFirstUntilTheyRefill() {
        RateLimiter limiter = limiter(WAREHOUSE);
        failTimes(limiter, 10, login("198.51.100.1", "alice"));
        check(limiter, login("198.51.100.1", "alice"));

        assertThat(limiter.blocks()).containsExactly(
                new Block("login-per-ip", Limit.Key.IP, "198.51.100.1", Duration.ofSeconds(30)),
                new Block("login-per-user", Limit.Key.USERNAME, "alice", Duration.ofSeconds(30)));

        time.advance(Duration.ofSeconds(30));
        assertThat(limiter.blocks()).isEmpty();
    }
}
