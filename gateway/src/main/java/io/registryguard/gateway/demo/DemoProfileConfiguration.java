package io.registryguard.gateway.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Profile {@code demo}: starts the embedded registry the gateway then points at. */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoProfileConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoProfileConfiguration.class);

    @Bean(destroyMethod = "close")
    DemoRegistry demoRegistry() {
        DemoRegistry registry = DemoRegistry.start();
        log.warn("DEMO profile: embedded Warehouse-shaped registry at {}; demo users: {}", registry.baseUrl(),
                DemoRegistry.users().stream().map(DemoUser::username).toList());
        return registry;
    }
}
