package io.registryguard.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import io.registryguard.policy.AccountNames;
import io.registryguard.policy.Limit;
import io.registryguard.policy.Subnets;

/** Names buckets: the value a limit's key takes for an attempt, and the store key made from it. */
final class BucketKeys {

    static final String GLOBAL_VALUE = "*";

    private final String prefix;
    private final Subnets subnets;

    /** @param prefix starts every store key, e.g. {@code rg:rl:} */
    BucketKeys(String prefix, Subnets subnets) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.subnets = Objects.requireNonNull(subnets, "subnets");
    }

    /** The bucket of {@code limit} for {@code value} (as returned by {@link #value}). */
    BucketRef bucket(CompiledLimit limit, String value) {
        String name = prefix + limit.name() + ":";
        return new BucketRef(limit, value, limit.limit().key() == Limit.Key.GLOBAL ? name + "global" : name + hash(value));
    }

    /** The value of {@code kind} for {@code request}, or null when the request has none (no username, no device). */
    String value(Limit.Key kind, RateLimitRequest request) {
        return switch (kind) {
            case IP -> address(request.client());
            case SUBNET -> subnet(request.client());
            case USERNAME -> request.username() == null ? null : username(request.username());
            case DEVICE -> request.deviceId();
            case GLOBAL -> GLOBAL_VALUE;
        };
    }

    /**
     * One account, one bucket: {@code Alice}, {@code ALİCE} and {@code ａｌｉｃｅ} are alice ({@link AccountNames}; the
     * login guard already canonicalized the name with the policy's setting, so this changes nothing then).
     */
    static String username(String username) {
        return AccountNames.DEFAULT.key(username);
    }

    /** The address in its canonical text form, without an IPv6 scope. */
    static String address(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getAddress()).getHostAddress(); // IPv4-mapped comes back IPv4
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address", e);
        }
    }

    /** The network the address is in, like {@code 203.0.113.0/24} or {@code 2001:db8:0:ff00:0:0:0:0/56}. */
    String subnet(InetAddress address) {
        return subnets.of(address);
    }

    /** 128 bits of SHA-256, URL-safe base64: fixed length, no separators, nothing readable. */
    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
