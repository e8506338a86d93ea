/**
 * Step-up: a sensitive action needs a second factor proven moments before, carried by a step-up token.
 *
 * <p><b>Decision.</b> {@link io.registryguard.stepup.StepUpGuard#check} takes a route's
 * {@link io.registryguard.stepup.StepUpRequirement}, the guard session and account of the request and the
 * token a {@link io.registryguard.stepup.StepUpTokenExtractor} found, and answers
 * {@link io.registryguard.stepup.StepUpDecision.Allowed} (single-use tokens burned in a
 * {@link io.registryguard.stepup.JtiStore}) or {@link io.registryguard.stepup.StepUpDecision.Challenged}
 * with an audit reason and the RFC 9470 {@code WWW-Authenticate} value, which is the same whatever the
 * reason.
 *
 * <p><b>Tokens.</b> Compact JWS, ES256 only, header {@code typ: guard-step-up+jwt} and {@code kid};
 * claims {@code iss aud sub sid route auth_time amr acr iat exp jti}, {@code route} being the policy rule name
 * of the action the factor was proven for. At most 8 KiB; anything else (alg
 * {@code none}, HMAC, another alg, no or unknown kid, a bad signature) is refused before a claim is
 * read.
 *
 * <p><b>Max-age.</b> Measured from {@code auth_time}. Max-age 0 means "proven for this very action":
 * {@code auth_time} at most {@code freshGrace} (60 s by default) old, and the requirement must be
 * single-use, and the token must have been minted for that very route, so it is burned by the one request
 * it was minted for. A rule with a positive max-age accepts a recent enough token minted for any route: a
 * factor proven two minutes ago for creating a token also covers inviting a collaborator under a 5-minute
 * rule, but never deleting the project under a 0-second one.
 *
 * <p><b>Keys.</b> A JWK set of EC P-256 keys with unique {@code kid}s. All verify; the <em>first</em>
 * signs. Rotation: prepend a new key ({@code StepUpKeys rotate}), deploy; once the token lifetime plus
 * clock skew has passed, the last key may be dropped. With replicas restarted one by one, a replica
 * still on the old set refuses tokens from the new key until it restarts; to avoid that, add the new key
 * at the end first, deploy, then move it to the front.
 *
 * <p><b>Carrying.</b> Header {@code X-Guard-Step-Up} for API clients ({@code Authorization} is the
 * registry's), cookie {@code __Host-guard-stepup} for browsers. Neither must reach the registry.
 */
package io.registryguard.stepup;
