/**
 * Rate limits: the policy's {@code limits}, enforced with Bucket4j token buckets in Redis (shared by all instances)
 * or, without Redis, in memory. Plain Java and Reactor; the gateway filter only adapts it.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * RateLimitRedis redis = RateLimitRedis.connect(url);     // SPRING_DATA_REDIS_URL; close() on shutdown
 * RateLimiter limiter = RateLimiter.builder(policy).redis(redis.connection())
 *         .metrics(metrics).build();                       // no .redis(...): in memory
 * reloader.addListener(limiter::apply);                    // policy edits apply to existing buckets
 *
 * // login / api-auth / second-factor filter, after reading the credential:
 * limiter.check(RateLimitRequest.of(routeClass, clientAddress, username).withDevice(verifiedDeviceIdOrNull))
 *     .flatMap(decision -> decision instanceof RateLimitDecision.Refused refused
 *             ? respond(refused)                          // 429 (503 for STORE_UNAVAILABLE), Retry-After
 *             : forwardAndClassify(exchange)               // Mono<AttemptOutcome>: SUCCESS or FAILURE
 *                     .flatMap(outcome -> limiter.recordOutcome(decision, outcome)));
 * }</pre>
 * Pass a null username when the credential names none; an API token upload's {@code __token__} is not a username
 * (every token upload would share one bucket). Pass a device id only from a device cookie verified for that
 * username. An attempt whose outcome is never recorded (client gone, registry error) counts as a failure.
 *
 * <h2>Rules</h2>
 * <ul>
 * <li>The buckets of an attempt are those of the limits that apply to its route class (or action, like
 * {@code email-code}), in the order ip, subnet, global, username; a username limit is skipped without a username,
 * and replaced by the class's device limits when the attempt carries a verified device id (OWASP device cookies:
 * the owner logs in from a known browser while an attacker has locked the username out; the device has a budget
 * of its own).</li>
 * <li>{@link io.registryguard.ratelimit.RateLimiter#check check} takes one token from every bucket at once
 * (concurrently, so Lettuce pipelines them). If any bucket is empty the attempt is refused before the registry hears
 * of it, the tokens taken are given back, and the refusal names the limit with the longest wait and that wait.</li>
 * <li>{@code counts: attempts} buckets keep their token. {@code counts: failures} buckets hold it as a reservation
 * until {@link io.registryguard.ratelimit.RateLimiter#recordOutcome recordOutcome}: given back on success, kept on
 * failure. The effect is that only failures are charged, but concurrent attempts (on one instance or many) cannot
 * get past a budget, since each holds its token while at the registry. The price: a failure budget also caps the
 * attempts in flight at one moment.</li>
 * <li>Buckets refill greedily: {@code 10 per 5m} allows 10 at once and gives a token back every 30 s (so at most 20
 * in the first 5 minutes, 10 per 5 minutes after; Warehouse's moving windows allow 10 in any 5 minutes). A bucket
 * seen empty is remembered until its next token, and attempts on it are refused without asking Redis.</li>
 * </ul>
 *
 * <h2>Redis</h2>
 * Bucket4j's Lettuce proxy is compare-and-swap: a GET, then an EVAL that writes only if nothing changed meanwhile.
 * An attempt costs two round trips (GETs together, then EVALs together), three when a bucket is created or its
 * configuration replaced. The global bucket is one hot key (a flood at one address or username makes others): the
 * updates of each key are batched per instance ({@code Optimizations.batching()}), so an instance has at most one
 * compare-and-swap per key in flight and counts stay exact. A key so contended that compare-and-swap keeps losing
 * refuses the attempt (503, retry in a second) rather than count it anywhere else. Keys are
 * {@code rg:rl:<limit>:<hash of the value>} and expire once their bucket is full again. A changed bandwidth gets a
 * new configuration version and replaces the stored one at the bucket's next use, keeping used tokens used.
 *
 * <p>When Redis fails (a 250 ms command timeout; commands rejected at once while disconnected), a circuit breaker
 * opens after three failures in a row and probes again after a second. Meanwhile each limit's
 * {@code on-store-failure} decides: {@code local} buckets in this instance's memory (so the budget holds per
 * instance), {@code open}, or {@code closed}. The breaker's state is {@link io.registryguard.ratelimit.RateLimiter#storeState
 * storeState()} and a {@link io.registryguard.ratelimit.RateLimitMetrics} event; opening logs a WARN, closing an INFO.
 *
 * <h2>Memory</h2>
 * In-memory buckets (no Redis, or the {@code local} fallback) are bounded: 100,000 by default, about 50 MB (some
 * 500 bytes each). Buckets unused long enough to be full again are dropped first; past that, the least recently
 * used (counted and logged).
 */
package io.registryguard.ratelimit;
