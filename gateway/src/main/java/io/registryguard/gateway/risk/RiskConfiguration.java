package io.registryguard.gateway.risk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.registryguard.gateway.policy.ActivePolicy;
import io.registryguard.gateway.redis.GuardRedis;
import io.registryguard.login.NovelLogins;
import io.registryguard.policy.risk.RiskPolicy.BreachedPassword;
import io.registryguard.risk.BloomFilterBreachedPasswords;
import io.registryguard.risk.BreachedPasswords;
import io.registryguard.risk.LoginRisk;
import io.registryguard.risk.PwnedPasswordsClient;
import io.registryguard.risk.RiskStores;
import io.registryguard.sequence.SensitiveEvent;
import io.registryguard.sequence.SequenceHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Credential-stuffing risk: the counters in Redis when {@code SPRING_DATA_REDIS_URL} is set (every replica sees
 * every attempt), in memory otherwise; the breached-password source the policy names; reloads applied live.
 */
@Configuration(proxyBeanMethods = false)
class RiskConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RiskConfiguration.class);

    @Bean
    MicrometerRiskMetrics riskMetrics(MeterRegistry meters) {
        return new MicrometerRiskMetrics(meters);
    }

    @Bean
    LoginRisk loginRisk(ActivePolicy policy, GuardRedis redis, MicrometerRiskMetrics metrics, Clock clock) {
        RiskStores stores = redis.connection() == null ? RiskStores.inMemory() : RiskStores.redis(redis.connection());
        LoginRisk risk = new LoginRisk(policy.get().risk(), stores, settings -> breachedSource(settings, clock),
                metrics);
        policy.onChange(next -> risk.apply(next.risk()));
        return risk;
    }

    /** The novel logins the {@code invite-after-novel-login} sequence rule looks back at. */
    @Bean
    NovelLogins novelLogins(SequenceHistory history) {
        return (username, time, reasons) -> history.remember(new SensitiveEvent(time, username,
                SensitiveEvent.Kind.NOVEL_LOGIN, null, null, null));
    }

    private static BreachedPasswords breachedSource(BreachedPassword settings, Clock clock) {
        return switch (settings.source()) {
            case HIBP -> {
                log.info("breached-password check: Have I Been Pwned range API at {} (only 5 hex digits of a"
                        + " password's SHA-1 leave the gateway)", settings.hibpUrl());
                yield new PwnedPasswordsClient(WebClient.builder(), settings.hibp(), clock);
            }
            case BLOOM -> {
                try {
                    BloomFilterBreachedPasswords bloom = BloomFilterBreachedPasswords.load(Path.of(settings.bloomFile()));
                    log.info("breached-password check: offline Bloom filter {}", settings.bloomFile());
                    yield bloom;
                } catch (IOException e) {
                    // a reload that names a bad file must not take logins down: the check answers "unknown"
                    log.error("breached-password bloom-file {} cannot be read ({}); the check fails and its on-error"
                            + " applies until the policy names a readable file", settings.bloomFile(), e.toString());
                    yield sha1 -> Mono.error(new UncheckedIOException(e));
                }
            }
            // LoginRisk opens no source for "off"
            case OFF -> throw new IllegalStateException("breached-password source off has nothing to open");
        };
    }
}
