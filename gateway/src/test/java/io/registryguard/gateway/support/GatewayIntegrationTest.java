package io.registryguard.gateway.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.registryguard.gateway.RegistryGuardApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A running gateway on random ports (HTTPS, HTTP redirect, management) in front of the shared demo
 * registry, with the policy read from a temporary copy of the built-in file. Every class carrying only
 * this annotation shares one Spring context, so keep the properties here and add none per class unless
 * the test needs a different gateway.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = RegistryGuardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "guard.tls.http-port=0",
            "spring.cloud.gateway.server.webflux.httpclient.response-timeout=2s",
            "guard.upstream.upload-paths=/legacy/,/pypi,/_demo/sink",
            "guard.upstream.upload-timeout=2m",
            "guard.admin.token=" + GatewayIntegrationTest.ADMIN_TOKEN,
        })
@ContextConfiguration(initializers = TestRegistry.class)
public @interface GatewayIntegrationTest {

    /** The admin API's bearer token in tests. */
    String ADMIN_TOKEN = "test-admin-token-0123456789";
}
