package io.registryguard.admin;

import io.registryguard.audit.AuditTrail;
import io.registryguard.gateway.GuardProperties;
import io.registryguard.audit.Auditor;
import io.registryguard.email.AccountDirectory;
import io.registryguard.email.EmailSender;
import io.registryguard.gateway.policy.ActivePolicy;
import io.registryguard.mfa.SecondFactorService;
import io.registryguard.ratelimit.RateLimiter;
import io.registryguard.session.FrozenAccounts;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The admin API lives in the management server's own context: port 9090, never the public port. This package is
 * outside the application's component scan on purpose: scanned, these beans would serve the public port too. The
 * management port serves nothing else ({@link ManagementPathsWebFilter}).
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
class AdminManagementConfiguration {

    @Bean
    ManagementPathsWebFilter managementPathsWebFilter(
            @Value("${management.endpoints.web.base-path:/actuator}") String actuatorBasePath) {
        return new ManagementPathsWebFilter(actuatorBasePath);
    }

    @Bean
    AdminTokenWebFilter adminTokenWebFilter(GuardProperties properties) {
        return new AdminTokenWebFilter(properties.admin().token());
    }

    @Bean
    RouterFunction<ServerResponse> adminRoutes(RateLimiter limiter, FrozenAccounts frozen, Auditor audit,
            SecondFactorService factors, AccountDirectory directory, EmailSender mail, ActivePolicy policy) {
        return new AdminRoutes(limiter, frozen, audit, new FactorResets(factors, directory, mail), policy).routes();
    }

    @Bean
    RouterFunction<ServerResponse> adminAuditRoutes(AuditTrail trail) {
        return new AuditRoutes(trail).routes();
    }
}
