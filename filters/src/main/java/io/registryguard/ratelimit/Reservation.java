package io.registryguard.ratelimit;

/** A token taken from a failure bucket for an attempt at the registry, given back if the attempt succeeds. */
record Reservation(BucketRef bucket, Probe.Source source) {
}
