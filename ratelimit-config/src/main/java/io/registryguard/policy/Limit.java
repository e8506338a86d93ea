package io.registryguard.policy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of the policy's {@code limits} section: a token bucket per value of {@link #key()} (one bucket per
 * client address, per username, ...), refilled greedily at each bandwidth's rate. An attempt passes only while
 * every bandwidth of every applicable bucket has a token left.
 *
 * @param name           the key under {@code limits}, unique; names the limit in refusals, logs and metrics
 * @param appliesTo      route class ids ({@code login}, {@code api-auth}, ...) and action ids
 *                       ({@link #EMAIL_CODE}) the limit is checked for; never empty
 * @param key            what one bucket belongs to
 * @param counts         what takes a token from the bucket
 * @param bandwidths     at least one, at most one per period, e.g. {@code 5 per 5m, 20 per 1h, 50 per 1d}
 * @param onStoreFailure what a check does while the shared store (Redis) cannot be reached
 */
public record Limit(String name, Set<String> appliesTo, Key key, Counts counts, List<Rate> bandwidths,
        OnStoreFailure onStoreFailure) {

    /** The action of sending a one-time code to the address on file (email verification before enrollment). */
    public static final String EMAIL_CODE = "email-code";

    public Limit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(onStoreFailure, "onStoreFailure");
        appliesTo = Set.copyOf(appliesTo);
        bandwidths = List.copyOf(bandwidths);
        if (appliesTo.isEmpty()) {
            throw new IllegalArgumentException("limit '" + name + "': appliesTo must not be empty");
        }
        if (bandwidths.isEmpty()) {
            throw new IllegalArgumentException("limit '" + name + "': bandwidths must not be empty");
        }
        if (bandwidths.stream().map(Rate::period).distinct().count() != bandwidths.size()) {
            throw new IllegalArgumentException("limit '" + name + "': two bandwidths with the same period " + bandwidths);
        }
    }

    /** True when this limit is checked for the route class or action {@code target}. */
    public boolean appliesTo(String target) {
        return appliesTo.contains(target);
    }

    /** The longest period: after that long without use, a bucket is full again and can be forgotten. */
    public Duration longestPeriod() {
        return bandwidths.stream().map(Rate::period).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** What one bucket belongs to. */
    public enum Key {
        /** The client address as resolved from the peer and trusted proxies. */
        IP,
        /** The client address's network: {@link Subnets} says how wide. */
        SUBNET,
        /** The username an attempt names (lower-cased); attempts without one skip the limit. */
        USERNAME,
        /**
         * A device that once logged in successfully as the username (a signed device cookie). Where a class has a
         * device limit, an attempt with a valid device cookie is charged there instead of to its username limits,
         * so that a username locked out by an attacker still lets its owner in from a known device.
         */
        DEVICE,
        /** One bucket for everybody. */
        GLOBAL;

        /** The name used in policy.yaml. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Key> fromId(String id) {
            return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
        }
    }

    /** What takes a token from a bucket. */
    public enum Counts {
        /** Only attempts the registry answered as failed (a wrong password, a wrong code). */
        FAILURES,
        /** Every attempt let through, whatever its outcome. */
        ATTEMPTS;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Counts> fromId(String id) {
            return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
        }
    }

    /** What a check does while the shared store cannot be reached. */
    public enum OnStoreFailure {
        /** Count in this instance's own memory: the limit holds per instance instead of across all of them. */
        LOCAL,
        /** Let the attempt through uncounted: availability over protection. */
        OPEN,
        /** Refuse the attempt: protection over availability. */
        CLOSED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<OnStoreFailure> fromId(String id) {
            return Arrays.stream(values()).filter(m -> m.id().equals(id)).findFirst();
        }
    }
}
