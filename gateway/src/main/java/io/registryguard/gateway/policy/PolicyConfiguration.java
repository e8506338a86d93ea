package io.registryguard.gateway.policy;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.registryguard.gateway.GuardProperties;
import io.registryguard.policy.PolicyLoader;
import io.registryguard.policy.PolicyReloader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the policy at start (a bad file stops the start with the problems listed) and keeps it current. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

    @Bean
    ActivePolicy activePolicy(GuardProperties properties, Clock clock, MeterRegistry meters) {
        ActivePolicy active = properties.policyFile() == null
                ? ActivePolicy.builtIn(PolicyLoader.loadDefault(), meters)
                : ActivePolicy.watching(new PolicyReloader(properties.policyFile(), clock), meters);
        var policy = active.get();
        log.info("Policy '{}' (sha256 {}) from {}: {} route rules", policy.version(), policy.sha256(),
                policy.source(), policy.routes().size());
        return active;
    }

    @Bean
    PolicyPoller policyPoller(ActivePolicy active, GuardProperties properties, Clock clock) {
        return new PolicyPoller(active, properties.policyPollInterval(), clock);
    }

    @Bean
    PolicyEndpoint policyEndpoint(ActivePolicy active) {
        return new PolicyEndpoint(active);
    }
}
