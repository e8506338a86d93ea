package io.registryguard.gateway.tls;

import io.registryguard.gateway.GuardProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The HTTPS side of the listeners: HSTS, the HTTP-to-HTTPS redirect, and which TLS implementation runs. */
@Configuration(proxyBeanMethods = false)
class TlsConfiguration {

    @Bean
    HstsWebFilter hstsWebFilter(GuardProperties properties) {
        return new HstsWebFilter(properties.hsts().maxAge(), properties.hsts().includeSubdomains());
    }

    @Bean
    TlsImplementationReport tlsImplementationReport() {
        return new TlsImplementationReport();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "guard.tls.enabled", matchIfMissing = true)
    HttpsRedirectServer httpsRedirectServer(GuardProperties properties, Environment environment) {
        return new HttpsRedirectServer(environment.getProperty("server.address", "0.0.0.0"),
                properties.tls().httpPort(), properties.tls().publicHost(), properties.tls().redirectPort());
    }
}
