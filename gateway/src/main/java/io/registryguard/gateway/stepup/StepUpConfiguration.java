package io.registryguard.gateway.stepup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.registryguard.audit.Auditor;
import io.registryguard.gateway.policy.ActivePolicy;
import io.registryguard.gateway.proxy.Upstream;
import io.registryguard.gateway.redis.GuardRedis;
import io.registryguard.mfa.SecondFactorService;
import io.registryguard.ratelimit.RateLimiter;
import io.registryguard.sequence.SequenceRulesFilter;
import io.registryguard.session.GuardSessionCookies;
import io.registryguard.stepup.InMemoryJtiStore;
import io.registryguard.stepup.JtiStore;
import io.registryguard.stepup.RedisJtiStore;
import io.registryguard.stepup.StashStore;
import io.registryguard.stepup.StepUpFilter;
import io.registryguard.stepup.StepUpGuard;
import io.registryguard.stepup.StepUpKeyGenerator;
import io.registryguard.stepup.StepUpKeySet;
import io.registryguard.stepup.StepUpSettings;
import io.registryguard.gateway.GuardProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Step-up on sensitive routes: the token core, the filter, the page and the replay of stashed requests. */
@Configuration(proxyBeanMethods = false)
class StepUpConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StepUpConfiguration.class);

    @Bean
    StepUpKeySet stepUpKeySet(@Value("${guard.step-up.jwks-file:${GUARD_STEPUP_JWKS_FILE:}}") String jwksFile,
            Clock clock) {
        if (jwksFile == null || jwksFile.isBlank()) {
            log.warn("GUARD_STEP_UP_JWKS_FILE is not set: step-up tokens are signed with a generated key, so they"
                    + " do not survive a restart and differ between replicas. Generate a set with the StepUpKeys tool.");
            return StepUpKeyGenerator.generate(clock);
        }
        try {
            return StepUpKeySet.parse(Files.readString(Path.of(jwksFile)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read GUARD_STEP_UP_JWKS_FILE " + jwksFile, e);
        }
    }

    @Bean
    JtiStore jtiStore(GuardRedis redis, Clock clock) {
        return redis.connection() == null ? new InMemoryJtiStore(clock) : new RedisJtiStore(redis.connection());
    }

    @Bean
    StepUpGuard stepUpGuard(StepUpKeySet keys, JtiStore jti, Clock clock) {
        return new StepUpGuard(() -> keys, StepUpSettings.defaults(), jti, clock);
    }

    @Bean
    StashStore stashStore(Clock clock) {
        return new StashStore(Duration.ofMinutes(5), clock);
    }

    @Bean
    StepUpFilter stepUpFilter(ActivePolicy policy, StepUpGuard guard, StashStore stash, Auditor audit, Clock clock) {
        return new StepUpFilter(policy, guard, stash, audit, clock);
    }

    @Bean
    RouterFunction<ServerResponse> stepUpPageRoutes(StepUpGuard guard, StashStore stash, SecondFactorService factors,
            RateLimiter limiter, GuardSessionCookies sessions, GuardProperties properties, ActivePolicy policy,
            Upstream upstream, SequenceRulesFilter sequence, Auditor audit, Clock clock) {
        StepUpPages pages = new StepUpPages(guard, stash, factors, limiter, sessions,
                properties.session().registryCookie(), policy, new StashReplay(upstream), sequence, audit, clock);
        return RouterFunctions.route()
                .GET(StepUpFilter.STEP_UP_PAGE, pages::show)
                .POST(StepUpFilter.STEP_UP_PAGE, pages::prove)
                .GET("/_guard/.well-known/jwks.json", request -> ServerResponse.ok()
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .bodyValue(guard.publicJwks()))
                .build();
    }
}
