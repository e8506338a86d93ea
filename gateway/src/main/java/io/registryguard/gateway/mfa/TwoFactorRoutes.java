package io.registryguard.gateway.mfa;

import io.registryguard.audit.Auditor;
import io.registryguard.email.EmailCodeDelivery;
import io.registryguard.email.EmailVerification;
import io.registryguard.gateway.GuardProperties;
import io.registryguard.mfa.SecondFactorService;
import io.registryguard.ratelimit.RateLimiter;
import io.registryguard.session.FrozenAccounts;
import io.registryguard.session.GuardSessionCookies;
import io.registryguard.session.GuardSessionFilter;
import io.registryguard.session.PendingLoginStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import java.time.Clock;

import io.registryguard.risk.LoginRisk;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The routes of {@link TwoFactorPages}. */
@Configuration(proxyBeanMethods = false)
class TwoFactorRoutes {

    @Bean
    RouterFunction<ServerResponse> twoFactorPageRoutes(PendingLoginStore pending, SecondFactorService factors,
            EmailCodeDelivery delivery, EmailVerification verification, RateLimiter limiter,
            GuardSessionCookies sessions, FrozenAccounts frozen, GuardProperties properties, Auditor audit,
            LoginRisk risk, Clock clock) {
        PendingPages shared = new PendingPages(pending, frozen, properties.operatorsContact(), audit);
        TwoFactorPages pages = new TwoFactorPages(shared, pending, factors, limiter, sessions,
                properties.session().registryCookie(), properties.session().pendingTtl(), audit);
        EmailStepPages email = new EmailStepPages(shared, pending, factors, delivery, verification, limiter,
                properties.session().pendingTtl(), audit, risk, clock);
        String base = TwoFactorPages.BASE;
        return RouterFunctions.route()
                .GET(base, pages::show)
                .POST(base, pages::verify)
                .POST(base + "/email", email::sendEmailCode)
                .POST(base + "/email/verify", email::verifyEmailCode)
                .GET(base + "/enroll", pages::showEnrollment)
                .POST(base + "/enroll", pages::confirmEnrollment)
                .GET(GuardSessionFilter.FROZEN_PAGE, shared::frozenPage)
                .build();
    }
}
