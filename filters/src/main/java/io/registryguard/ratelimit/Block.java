package io.registryguard.ratelimit;

import java.time.Duration;

import io.registryguard.policy.Limit;

/**
 * A bucket that refused an attempt and is still empty, as this instance knows it.
 *
 * @param limit     the limit's name
 * @param key       what the bucket belongs to
 * @param value     the username, address, network ({@code 203.0.113.0/24}), device id or {@code *} for global
 * @param remaining how long until it lets an attempt through again
 */
public record Block(String limit, Limit.Key key, String value, Duration remaining) {
}
