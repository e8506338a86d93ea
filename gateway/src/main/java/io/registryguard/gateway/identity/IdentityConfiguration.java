package io.registryguard.gateway.identity;

import io.registryguard.audit.Auditor;
import io.registryguard.gateway.policy.ActivePolicy;
import io.registryguard.gateway.proxy.Upstream;
import io.registryguard.login.IdentityConfirmation;
import io.registryguard.login.IdentityProbe;
import io.registryguard.policy.LoginRule;
import io.registryguard.policy.Policy;
import io.registryguard.policy.RouteClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Identity from the registry: after an accepted password login, the registry is asked whose session it made
 * ({@code logins.<route>.identity-probe}); a login route without a probe trusts the typed name, said once at start.
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

    @Bean
    IdentityProbe identityProbe(Upstream upstream) {
        return new RegistryIdentityProbe(upstream);
    }

    @Bean
    IdentityConfirmation identityConfirmation(IdentityProbe probe, Auditor audit, ActivePolicy policy) {
        warnUnconfirmed(policy.get());
        return new IdentityConfirmation(probe, audit);
    }

    /** Each login route whose sessions will belong to the typed name: a request read two ways can pick the account. */
    static void warnUnconfirmed(Policy policy) {
        policy.routes().stream().filter(route -> route.routeClass() == RouteClass.LOGIN)
                .map(policy::loginRule)
                .filter(rule -> rule.credential() == LoginRule.Credential.FORM && rule.identityProbe() == null)
                .forEach(rule -> log.warn("Login route '{}' has no identity-probe: its sessions belong to the typed"
                        + " username, not confirmed by the registry. Configure logins.{}.identity-probe in the"
                        + " policy.", rule.route(), rule.route()));
    }
}
