package io.registryguard.gateway.session;

import java.time.Clock;
import java.util.Base64;

import io.registryguard.gateway.GuardProperties;
import io.registryguard.gateway.policy.ActivePolicy;
import io.registryguard.gateway.redis.GuardRedis;
import io.registryguard.mfa.FactorKeyRing;
import io.registryguard.session.FrozenAccounts;
import io.registryguard.session.FrozenAccountsStore;
import io.registryguard.session.GuardSessionCookies;
import io.registryguard.session.RedisFrozenAccountsStore;
import io.registryguard.session.FallbackPendingLoginStore;
import io.registryguard.session.RedisPendingLoginStore;
import io.registryguard.session.GuardSessionFilter;
import io.registryguard.session.InMemoryPendingLoginStore;
import io.registryguard.session.PendingLoginStore;
import io.registryguard.session.SessionWithholding;
import io.registryguard.session.SignedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Withheld registry sessions and the guard session that releases them. */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

    /** In Redis the withheld cookies are sealed with the factor key ring: replicas need the same ring file. */
    @Bean
    PendingLoginStore pendingLoginStore(Clock clock, GuardRedis redis, FactorKeyRing keys) {
        return redis.connection() == null ? new InMemoryPendingLoginStore(clock)
                : new FallbackPendingLoginStore(new RedisPendingLoginStore(redis.connection(), keys),
                        new InMemoryPendingLoginStore(clock));
    }

    @Bean
    SessionWithholding sessionWithholding(PendingLoginStore store, GuardProperties properties, Clock clock) {
        return new SessionWithholding(store, properties.session().pendingTtl(), clock);
    }

    @Bean
    GuardSessionCookies guardSessionCookies(GuardProperties properties, Clock clock) {
        String key = properties.session().key();
        byte[] bytes;
        if (key == null || key.isBlank()) {
            bytes = SignedValue.randomKey();
            log.warn("guard.session.key (GUARD_SESSION_KEY) is not set: guard sessions are signed with a per-process"
                    + " key, so users log in again after a restart and replicas do not share sessions.");
        } else {
            try {
                bytes = Base64.getDecoder().decode(key.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("GUARD_SESSION_KEY is not base64 (expected 32 random bytes)");
            }
        }
        return new GuardSessionCookies(new SignedValue(bytes), properties.session().lifetime(), clock);
    }

    @Bean
    FrozenAccounts frozenAccounts(ActivePolicy policy, GuardRedis redis) {
        return new FrozenAccounts(policy, redis.connection() == null ? FrozenAccountsStore.inMemory()
                : new RedisFrozenAccountsStore(redis.connection()));
    }

    @Bean
    FrozenAccountsRefresher frozenAccountsRefresher(FrozenAccounts frozen) {
        return new FrozenAccountsRefresher(frozen, java.time.Duration.ofSeconds(1));
    }

    @Bean
    GuardSessionFilter guardSessionFilter(GuardSessionCookies sessions, FrozenAccounts frozen,
            GuardProperties properties) {
        return new GuardSessionFilter(sessions, frozen, properties.session().registryCookie(), "/account/login/",
                "/account/logout/");
    }
}
