package io.registryguard.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.registryguard.audit.AuditEvent;
import io.registryguard.audit.AuditTrail;
import io.registryguard.audit.InMemoryAuditTrail;
import io.registryguard.audit.RedisAuditSettings;
import io.registryguard.gateway.redis.GuardRedis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Which trail without Redis, the settings' defaults, and the metric names. */
class AuditConfigurationTests {

    private static AuditProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("guard.audit",
                AuditProperties.class);
    }

    @Test
    void propertiesWhenUnsetThenDocumentedDefaults() {
        AuditProperties properties = bind(Map.of());

        assertThat(properties.streamMaxLength()).isEqualTo(1_000_000L);
        assertThat(properties.memoryCapacity()).isEqualTo(10_000);
        assertThat(properties.redisSettings()).isEqualTo(RedisAuditSettings.defaults());
    }

    @Test
    void propertiesWhenSetThenRedisSettingsFollow() {
        AuditProperties properties = bind(Map.of("guard.audit.stream-max-length", "5000", "guard.audit.scan-limit",
                "50000"));

        assertThat(properties.redisSettings().maxLength()).isEqualTo(5000L);
        assertThat(properties.redisSettings().scanLimit()).isEqualTo(50_000);
        assertThat(properties.redisSettings().key()).isEqualTo("guard:audit");
    }

    @Test
    void auditTrailWhenNoRedisThenInMemoryCountingEventsByType() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        AuditTrail trail = new AuditConfiguration().auditTrail(new GuardRedis(null), bind(Map.of()), meters);
        trail.record(AuditEvent.builder("login.failure", Instant.now()).build()).block();
        trail.record(AuditEvent.builder("login.failure", Instant.now()).build()).block();

        assertThat(trail).isInstanceOf(InMemoryAuditTrail.class);
        assertThat(meters.get("guard.audit.events").tag("type", "login.failure").counter().count()).isEqualTo(2.0);
        assertThat(meters.get("guard.audit.write.errors").counter().count()).isZero();
    }
}
