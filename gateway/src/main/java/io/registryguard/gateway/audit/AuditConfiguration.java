package io.registryguard.gateway.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.registryguard.audit.AuditTrail;
import io.registryguard.audit.Auditor;
import io.registryguard.audit.InMemoryAuditTrail;
import io.registryguard.audit.RedisAuditSettings;
import io.registryguard.audit.RedisAuditTrail;
import io.registryguard.gateway.redis.GuardRedis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit trail: the Redis stream when the gateway has Redis, this instance's memory otherwise. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    @Bean
    Auditor auditor(AuditTrail trail, java.time.Clock clock) {
        return new Auditor(trail, clock);
    }

    @Bean
    AuditTrail auditTrail(GuardRedis redis, AuditProperties properties, MeterRegistry meters) {
        MicrometerAuditMetrics metrics = new MicrometerAuditMetrics(meters);
        if (redis.connection() == null) {
            log.info("Audit trail in memory: the newest {} events of this instance, lost on restart (every event is"
                    + " also logged on registryguard.audit)", properties.memoryCapacity());
            return new InMemoryAuditTrail(properties.memoryCapacity(), metrics);
        }
        RedisAuditSettings settings = properties.redisSettings();
        log.info("Audit trail on the Redis stream {} (about {} newest events kept)", settings.key(),
                settings.maxLength());
        return new RedisAuditTrail(redis.connection(), settings, metrics);
    }
}
