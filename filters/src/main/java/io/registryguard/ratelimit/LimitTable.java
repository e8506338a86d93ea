package io.registryguard.ratelimit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.registryguard.policy.Limit;
import io.registryguard.policy.Policy;

/**
 * The policy's limits, compiled, and which buckets an attempt is checked against.
 *
 * <p>Configuration versions: Bucket4j replaces a stored bucket's configuration only with a higher version. A limit
 * whose bandwidths are new or changed gets the current time in milliseconds (at least one more than before), a
 * limit whose bandwidths did not change keeps its version. So the policy loaded last wins on every instance, and
 * tokens already used stay used ({@code TokensInheritanceStrategy.ADDITIVE}).
 */
final class LimitTable {

    /** The order an attempt's buckets are listed, and ties between refusals broken: ip, subnet, global, user. */
    private static final List<Limit.Key> ORDER = List.of(Limit.Key.IP, Limit.Key.SUBNET, Limit.Key.GLOBAL,
            Limit.Key.USERNAME, Limit.Key.DEVICE);

    private final List<CompiledLimit> limits;
    private final BucketKeys keys;
    private final Policy policy;

    private LimitTable(List<CompiledLimit> limits, BucketKeys keys, Policy policy) {
        this.limits = List.copyOf(limits);
        this.keys = keys;
        this.policy = policy;
    }

    /** @param previous the table in use until now, or null at startup */
    static LimitTable compile(Policy policy, LimitTable previous, String keyPrefix, long nowMillis) {
        Map<String, CompiledLimit> before = new HashMap<>();
        if (previous != null) {
            previous.limits.forEach(l -> before.put(l.name(), l));
        }
        List<CompiledLimit> compiled = new ArrayList<>();
        for (Limit limit : policy.limits()) {
            CompiledLimit old = before.get(limit.name());
            if (old != null && old.limit().bandwidths().equals(limit.bandwidths())) {
                compiled.add(CompiledLimit.of(limit, old.version()));
            } else {
                compiled.add(CompiledLimit.of(limit, old == null ? nowMillis : Math.max(nowMillis, old.version() + 1)));
            }
        }
        compiled.sort(Comparator.comparingInt(l -> ORDER.indexOf(l.limit().key())));
        return new LimitTable(compiled, new BucketKeys(keyPrefix, policy.subnets()), policy);
    }

    /**
     * The buckets {@code request} must find a token in, ip first and user last. Username limits are skipped when
     * the request names no username, and replaced by the target's device limits when it carries a device id.
     */
    List<BucketRef> bucketsFor(RateLimitRequest request) {
        boolean byDevice = request.deviceId() != null && limits.stream()
                .anyMatch(l -> l.limit().key() == Limit.Key.DEVICE && l.limit().appliesTo(request.target()));
        List<BucketRef> buckets = new ArrayList<>(4);
        for (CompiledLimit limit : limits) {
            Limit.Key kind = limit.limit().key();
            if (!limit.limit().appliesTo(request.target()) || kind == Limit.Key.USERNAME && byDevice) {
                continue;
            }
            String value = keys.value(kind, request);
            if (value != null) {
                buckets.add(keys.bucket(limit, value));
            }
        }
        return buckets;
    }

    /** Every bucket kept for {@code value} of kind {@code kind} (as {@link BucketKeys#value} gives it). */
    List<BucketRef> bucketsOf(Limit.Key kind, String value) {
        return limits.stream().filter(l -> l.limit().key() == kind).map(l -> keys.bucket(l, value)).toList();
    }

    BucketKeys keys() {
        return keys;
    }

    /** True when both tables were compiled from the same limits and subnets. */
    boolean sameLimits(LimitTable other) {
        return other != null && policy.limits().equals(other.policy.limits())
                && policy.subnets().equals(other.policy.subnets());
    }
}
