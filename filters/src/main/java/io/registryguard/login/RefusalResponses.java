package io.registryguard.login;

import java.net.URI;
import java.util.Map;

import io.registryguard.ratelimit.RateLimitDecision;
import io.registryguard.web.Problem;
import io.registryguard.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The answer to a refused attempt: 429 (or 503 while the limit store is unavailable) with {@code Retry-After}.
 * Deliberately no {@code RateLimit-*} headers (they would help an attacker pace guesses), and the same words
 * whichever limit refused, so the answer says nothing about whether the username exists.
 */
final class RefusalResponses {

    static final URI QUOTA_EXCEEDED = URI.create("https://iana.org/assignments/http-problem-types#quota-exceeded");

    private RefusalResponses() {
    }

    static Mono<Void> write(ServerWebExchange exchange, RateLimitDecision.Refused refused) {
        long seconds = Math.max(1, refused.retryAfterSeconds());
        Problem problem = refused.reason() == RateLimitDecision.Refused.Reason.STORE_UNAVAILABLE
                ? new Problem(HttpStatus.SERVICE_UNAVAILABLE, Problem.BLANK, "Service Unavailable",
                        "Sign-in is paused for a moment. Please try again in a few seconds.", Map.of())
                : new Problem(HttpStatus.TOO_MANY_REQUESTS, QUOTA_EXCEEDED, "Too Many Requests",
                        "Too many attempts. Please try again in " + inWords(seconds) + ".", Map.of());
        return ProblemResponses.write(exchange, problem.withHeader("Retry-After", Long.toString(seconds)));
    }

    /**
     * A sign-in the risk score blocked. The same words whatever the reasons: they would teach an attacker what to
     * change, and they would tell a user nothing useful.
     */
    static Mono<Void> blocked(ServerWebExchange exchange) {
        return ProblemResponses.write(exchange, Problem.of(HttpStatus.FORBIDDEN, "Forbidden",
                "This sign-in was refused because it looks automated. If it was you, wait a few minutes and try"
                        + " again from your usual browser."));
    }

    static String inWords(long seconds) {
        if (seconds < 90) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes < 120 ? minutes + " minutes" : ((minutes + 59) / 60) + " hours";
    }
}
