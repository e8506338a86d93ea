package io.registryguard.stepup;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * The step-up decision: does this token let this account, in this guard session, through a route with
 * this requirement? Answers with the verified claims, or with the RFC 9470 challenge to send back and
 * the reason to audit. Also mints the tokens a completed step-up earns.
 *
 * <p>Incident of Nov 2023: invite, accept, remove the owner and delete the account took eight minutes
 * with a password alone. Here each of those needs a second factor proven moments before.
 */
public final class StepUpGuard {

    private final Supplier<StepUpKeySet> keys;
    private final StepUpSettings settings;
    private final StepUpTokenVerifier verifier;
    private final StepUpTokenIssuer issuer;
    private final JtiStore jtiStore;

    /**
     * @param keys     the current key set; read on every call, so a reloaded secret takes effect at once
     * @param jtiStore where single-use tokens are burned
     * @param clock    the only source of "now"
     */
    public StepUpGuard(Supplier<StepUpKeySet> keys, StepUpSettings settings, JtiStore jtiStore, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.jtiStore = Objects.requireNonNull(jtiStore, "jtiStore");
        Objects.requireNonNull(clock, "clock");
        this.verifier = new StepUpTokenVerifier(keys, settings, clock);
        this.issuer = new StepUpTokenIssuer(keys, settings, clock);
    }

    /**
     * Checks a presented token. Never errors for a bad token (that is a challenge); errors only when the
     * {@link JtiStore} does, so the caller's fail mode decides.
     *
     * @param route     the policy rule name of the request: a max-age 0 rule refuses a token minted for another
     * @param sessionId the guard session of the request: a token bound to another one is refused
     * @param subject   the account of that session: a token for another account is refused
     * @param token     the token as extracted, if the request carried one
     */
    public Mono<StepUpDecision> check(StepUpRequirement requirement, String route, String sessionId,
            String subject, Optional<String> token) {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(token, "token");
        return Mono.defer(() -> {
            if (token.isEmpty()) {
                return Mono.just(challenge(requirement, StepUpRejection.MISSING));
            }
            StepUpClaims claims;
            try {
                claims = verifier.verify(token.get(), requirement, route, sessionId, subject);
            } catch (StepUpTokenRejected rejected) {
                return Mono.just(challenge(requirement, rejected.reason()));
            }
            if (!requirement.singleUse()) {
                return Mono.just(new StepUpDecision.Allowed(claims));
            }
            // Remember it as long as the verifier would still accept it: exp plus the skew.
            Instant forgetAfter = claims.expiresAt().plus(settings.clockSkew());
            return jtiStore.burn(claims.tokenId(), forgetAfter)
                    .map(first -> first ? new StepUpDecision.Allowed(claims)
                            : challenge(requirement, StepUpRejection.REPLAYED));
        });
    }

    /**
     * Mints a token for a second factor just proven.
     *
     * @param sessionId the guard session's identifier; the payload of a JWT is readable, so this must be an
     *                  id, never the session cookie's secret value
     * @param route    the policy rule name of the action the factor is proven for: a max-age 0 rule accepts only
     *                 a token minted for itself, any other rule one minted for any route
     * @param authTime when the factor was proven; not in the future
     * @param amr      how, from {@link StepUpAmr}
     * @return the compact JWT: a bearer credential, never to be logged
     * @throws IllegalArgumentException for a blank subject, session or route, an unknown method, a future time
     */
    public String issue(String subject, String sessionId, String route, Instant authTime, Set<String> amr) {
        return issuer.issue(subject, sessionId, route, authTime, amr);
    }

    /** The public keys, for {@code /_guard/.well-known/jwks.json}. */
    public String publicJwks() {
        return keys.get().publicJwksJson();
    }

    private static StepUpDecision challenge(StepUpRequirement requirement, StepUpRejection reason) {
        return new StepUpDecision.Challenged(reason, StepUpChallenge.forRequirement(requirement));
    }
}
