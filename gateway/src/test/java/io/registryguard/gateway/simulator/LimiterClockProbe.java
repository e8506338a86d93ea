package io.registryguard.gateway.simulator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

import io.registryguard.ratelimit.RateLimitDecision;
import io.registryguard.ratelimit.RateLimitRequest;
import io.registryguard.ratelimit.RateLimiter;
import io.registryguard.testsupport.MutableClock;

/**
 * Does the gateway's rate limiter run on the simulated clock? Empties an email-code bucket of a made-up account,
 * moves the clock two days on and asks again: refilled means yes. On the wall clock, a simulated day lasts seconds
 * for the limiter, so its refusals overstate what a real deployment would see. Run after the simulation: it moves
 * the clock, and touches nothing a simulated client uses.
 */
final class LimiterClockProbe {

    private static final int MAX_CHECKS = 1000;

    private LimiterClockProbe() {
    }

    /** @return whether the limiter followed the clock; empty when the policy has no email-code limit to probe with */
    static Optional<Boolean> followsSimulatedClock(RateLimiter limiter, MutableClock clock) {
        RateLimitRequest probe = RateLimitRequest.emailCode(address(), "limiter-clock-probe");
        for (int i = 0; i < MAX_CHECKS; i++) {
            if (check(limiter, probe) instanceof RateLimitDecision.Refused) {
                clock.advance(Duration.ofDays(2));
                return Optional.of(!(check(limiter, probe) instanceof RateLimitDecision.Refused));
            }
        }
        return Optional.empty();
    }

    private static RateLimitDecision check(RateLimiter limiter, RateLimitRequest request) {
        return limiter.check(request).blockOptional(Duration.ofSeconds(10))
                .orElseThrow(() -> new IllegalStateException("the rate limiter gave no decision"));
    }

    private static InetAddress address() {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 99});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
