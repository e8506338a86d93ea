package io.registryguard.gateway.mfa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.registryguard.email.AccountDirectory;
import io.registryguard.email.EmailCodeDelivery;
import io.registryguard.email.EmailCodeSettings;
import io.registryguard.email.EmailCodeStore;
import io.registryguard.email.EmailSender;
import io.registryguard.email.EmailVerification;
import io.registryguard.email.HttpAccountDirectory;
import io.registryguard.email.InMemoryEmailCodeStore;
import io.registryguard.email.RedisEmailCodeStore;
import io.registryguard.email.YamlAccountDirectory;
import io.registryguard.gateway.GuardProperties;
import io.registryguard.gateway.policy.ActivePolicy;
import io.registryguard.gateway.demo.DemoRegistry;
import io.registryguard.gateway.demo.DemoUser;
import io.registryguard.gateway.redis.GuardRedis;
import io.registryguard.mfa.FactorKeyRing;
import io.registryguard.mfa.FactorStore;
import io.registryguard.mfa.InMemoryFactorStore;
import io.registryguard.mfa.RedisFactorStore;
import io.registryguard.mfa.SecondFactorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** The factors the gateway owns, and the email proof an account gives before enrolling its first one. */
@Configuration(proxyBeanMethods = false)
class SecondFactorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecondFactorConfiguration.class);

    @Bean
    FactorKeyRing factorKeyRing(GuardProperties properties) {
        if (properties.factors().keysFile() == null) {
            log.warn("GUARD_FACTORS_KEYS_FILE is not set: factor secrets are encrypted with a generated key and are"
                    + " unreadable after a restart (every user enrolls again). Set it for anything but a demo.");
            return FactorKeyRing.generate();
        }
        try {
            return FactorKeyRing.fromJson(Files.readString(properties.factors().keysFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read GUARD_FACTORS_KEYS_FILE " + properties.factors().keysFile(), e);
        }
    }

    @Bean
    FactorStore factorStore(GuardRedis redis) {
        return redis.connection() == null ? new InMemoryFactorStore() : new RedisFactorStore(redis.connection());
    }

    @Bean
    SecondFactorService secondFactorService(FactorStore store, FactorKeyRing keys, GuardProperties properties,
            Clock clock) {
        return new SecondFactorService(store, keys, properties.factors().issuer(), clock);
    }

    @Bean
    EmailVerification emailVerification(Clock clock, GuardRedis redis, GuardProperties properties) {
        EmailCodeStore store = redis.connection() == null ? new InMemoryEmailCodeStore(clock)
                : new RedisEmailCodeStore(redis.connection());
        String key = properties.factors().emailCodeKey();
        javax.crypto.SecretKey hashKey;
        if (key == null || key.isBlank()) {
            hashKey = EmailVerification.generateHashKey();
            if (redis.connection() != null) {
                log.warn("GUARD_FACTORS_EMAIL_CODE_KEY is not set: an emailed code is checked only by the instance"
                        + " that sent it. Set the same key on every replica.");
            }
        } else {
            byte[] bytes;
            try {
                bytes = java.util.Base64.getDecoder().decode(key.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("GUARD_FACTORS_EMAIL_CODE_KEY is not base64 (expected 32 random bytes)");
            }
            if (bytes.length < 32) {
                throw new IllegalStateException("GUARD_FACTORS_EMAIL_CODE_KEY must be at least 32 bytes");
            }
            hashKey = new javax.crypto.spec.SecretKeySpec(bytes, "HmacSHA256");
        }
        return EmailVerification.create(EmailCodeSettings.defaults(), store, hashKey, clock);
    }

    @Bean
    AccountDirectory accountDirectory(GuardProperties properties, ObjectProvider<DemoRegistry> demo,
            ActivePolicy policy) {
        GuardProperties.Accounts accounts = properties.accounts();
        if (accounts.file() != null) {
            return YamlAccountDirectory.load(accounts.file(), policy.get().accounts());
        }
        if (accounts.urlTemplate() != null) {
            return new HttpAccountDirectory(WebClient.create(), accounts.urlTemplate(), accounts.emailPointer(),
                    Duration.ofSeconds(2));
        }
        if (demo.getIfAvailable() != null) {
            return account -> Mono.just(DemoRegistry.users().stream().filter(u -> u.username().equals(account))
                    .map(DemoUser::email).findFirst());
        }
        log.warn("No account directory (guard.accounts.file or guard.accounts.url-template): accounts without a"
                + " second factor cannot prove their email, so they cannot enroll and cannot log in.");
        return account -> Mono.just(Optional.empty());
    }

    @Bean
    EmailCodeDelivery emailCodeDelivery(AccountDirectory directory, EmailVerification verification,
            EmailSender sender) {
        return new EmailCodeDelivery(directory, verification, sender);
    }
}
