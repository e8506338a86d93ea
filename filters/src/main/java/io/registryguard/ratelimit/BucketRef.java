package io.registryguard.ratelimit;

/**
 * One bucket: a limit and the value it is kept for.
 *
 * @param limit   the compiled limit
 * @param value   what the bucket belongs to, readable ({@code alice}, {@code 203.0.113.0/24}, {@code *}); only
 *                ever in this instance's memory
 * @param key     the store key: a fixed prefix, the limit's name and a hash of the value, so that keys have a
 *                bounded length and Redis holds no usernames or addresses
 */
record BucketRef(CompiledLimit limit, String value, String key) {

    @Override
    public String toString() {
        return limit.name() + "[" + value + "]";
    }
}
