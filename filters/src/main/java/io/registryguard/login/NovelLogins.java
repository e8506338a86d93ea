package io.registryguard.login;

import java.time.Instant;
import java.util.List;

import io.registryguard.risk.RiskAssessment;
import io.registryguard.risk.RiskReason;
import reactor.core.publisher.Mono;

/**
 * Where a password login the registry accepted from somewhere new is remembered, so that what the account does next
 * can be judged by it (the sequence rule {@code invite-after-novel-login}).
 */
@FunctionalInterface
public interface NovelLogins {

    NovelLogins NONE = (username, time, reasons) -> Mono.empty();

    Mono<Void> record(String username, Instant time, List<String> reasons);

    /** A new subnet or client family for the account, or an account long dormant. */
    static boolean isNovel(RiskAssessment assessment) {
        return assessment.has(RiskReason.NOVEL_ADDRESS) || assessment.has(RiskReason.NOVEL_USER_AGENT)
                || assessment.has(RiskReason.DORMANT_ACCOUNT);
    }
}
