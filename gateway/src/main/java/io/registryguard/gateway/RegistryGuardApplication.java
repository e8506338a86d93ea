package io.registryguard.gateway;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** registry-guard: an account-takeover guard in front of a Warehouse-shaped package registry. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RegistryGuardApplication {

    /** The one clock: injected everywhere time matters, so tests can fix it. */
    @Bean
    static Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(RegistryGuardApplication.class, args);
    }
}
