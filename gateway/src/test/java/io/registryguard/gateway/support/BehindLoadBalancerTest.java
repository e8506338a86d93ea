package io.registryguard.gateway.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * A gateway behind a TLS-terminating load balancer (one shared context): plain HTTP, and loopback is a trusted
 * proxy, so a test picks its client address with {@code X-Forwarded-For}. Rate-limit tests use this to keep
 * their per-address and per-subnet buckets apart ({@link ClientAddresses#freshSubnet()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@GatewayIntegrationTest
@TestPropertySource(properties = {"guard.tls.enabled=false", "guard.trusted-proxies=127.0.0.1/32, ::1/128"})
public @interface BehindLoadBalancerTest {
}
