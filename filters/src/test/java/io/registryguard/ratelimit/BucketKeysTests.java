package io.registryguard.ratelimit;

import static io.registryguard.ratelimit.TestLimits.ip;
import static io.registryguard.ratelimit.TestLimits.limit;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.registryguard.policy.Limit;
import io.registryguard.policy.RouteClass;
import io.registryguard.policy.Subnets;

class BucketKeysTests {

    private final BucketKeys keys = new BucketKeys("rg:rl:", Subnets.DEFAULT);

    @ParameterizedTest
    @CsvSource({
            "203.0.113.77, 203.0.113.0/24",
            "::ffff:203.0.113.77, 203.0.113.0/24",
            "2001:db8:0:12ab:1:2:3:4, 2001:db8:0:1200:0:0:0:0/56",
            "2001:db8::1, 2001:db8:0:0:0:0:0:0/56",
    })
    void subnetWhenAddressThenItsNetworkAtThePolicysPrefix(String address, String network) {
        assertThat(keys.subnet(ip(address))).isEqualTo(network);
    }

    @Test
    void subnetWhenPrefixNotOnAByteBoundaryThenMaskedToTheBit() {
        assertThat(new BucketKeys("p:", new Subnets(20, 60)).subnet(ip("203.0.127.255"))).isEqualTo("203.0.112.0/20");
        assertThat(new BucketKeys("p:", new Subnets(20, 60)).subnet(ip("2001:db8:0:12ff::1")))
                .isEqualTo("2001:db8:0:12f0:0:0:0:0/60");
    }

    @Test
    void valueWhenUsernameThenCaseAndSurroundingSpaceIgnored() {
        RateLimitRequest request = RateLimitRequest.of(RouteClass.LOGIN, ip("203.0.113.1"), "  Alice ");
        assertThat(keys.value(Limit.Key.USERNAME, request)).isEqualTo("alice");
    }

    @Test
    void valueWhenNoUsernameOrDeviceThenNull() {
        RateLimitRequest request = RateLimitRequest.of(RouteClass.API_AUTH, ip("203.0.113.1"), " ");
        assertThat(keys.value(Limit.Key.USERNAME, request)).isNull();
        assertThat(keys.value(Limit.Key.DEVICE, request)).isNull();
        assertThat(keys.value(Limit.Key.IP, request)).isEqualTo("203.0.113.1");
    }

    @Test
    void bucketWhenValueThenKeyHasLimitAndFixedLengthHashNotTheValue() {
        CompiledLimit perUser = CompiledLimit.of(limit("per-user", Limit.Key.USERNAME, Limit.Counts.FAILURES, "login",
                "10 per 5m"), 1);
        String key = keys.bucket(perUser, "a-very-long-username-".repeat(100)).key();

        assertThat(key).startsWith("rg:rl:per-user:").hasSize("rg:rl:per-user:".length() + 22).doesNotContain("very");
        assertThat(keys.bucket(perUser, "alice").key()).isEqualTo(keys.bucket(perUser, "alice").key())
                .isNotEqualTo(keys.bucket(perUser, "alicf").key());
    }

    @Test
    void bucketWhenGlobalThenOneFixedKey() {
        CompiledLimit global = CompiledLimit.of(limit("everyone", Limit.Key.GLOBAL, Limit.Counts.FAILURES, "login",
                "10 per 5m"), 1);
        assertThat(keys.bucket(global, BucketKeys.GLOBAL_VALUE).key()).isEqualTo("rg:rl:everyone:global");
    }
}
