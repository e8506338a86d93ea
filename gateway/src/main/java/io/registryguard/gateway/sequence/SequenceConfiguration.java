package io.registryguard.gateway.sequence;

import java.time.Clock;

import io.registryguard.audit.AuditTrail;
import io.registryguard.email.AccountDirectory;
import io.registryguard.email.EmailSender;
import io.registryguard.gateway.policy.ActivePolicy;
import io.registryguard.gateway.redis.GuardRedis;
import io.registryguard.sequence.AccountAges;
import io.registryguard.sequence.InMemorySequenceHistory;
import io.registryguard.sequence.RedisSequenceHistory;
import io.registryguard.sequence.SequenceAlerts;
import io.registryguard.sequence.SequenceHistory;
import io.registryguard.sequence.SequenceRules;
import io.registryguard.sequence.SequenceRulesFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The 2023 sequence rules: history in Redis (or memory), the filter, and the owner's notification mail. */
@Configuration(proxyBeanMethods = false)
class SequenceConfiguration {

    @Bean
    SequenceHistory sequenceHistory(GuardRedis redis, ActivePolicy policy, Clock clock) {
        // retention is taken at start: a reload that lengthens a window applies to the history after a restart
        var retention = policy.get().sequenceRules().longestWindow();
        return redis.connection() == null ? new InMemorySequenceHistory(retention, clock)
                : new RedisSequenceHistory(redis.connection(), retention, clock);
    }

    @Bean
    SequenceAlerts sequenceAlerts(AccountDirectory directory, EmailSender mail) {
        return new SequenceMail(directory, mail);
    }

    @Bean
    SequenceRulesFilter sequenceRulesFilter(ActivePolicy policy, SequenceHistory history, SequenceAlerts alerts,
            AuditTrail audit, Clock clock) {
        SequenceRules rules = new SequenceRules(() -> policy.get().sequenceRules(), history, AccountAges.unknown());
        return new SequenceRulesFilter(rules, history, alerts, audit, clock);
    }
}
