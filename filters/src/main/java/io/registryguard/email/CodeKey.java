package io.registryguard.email;

import io.registryguard.policy.AccountNames;
import java.util.Objects;

/**
 * Where a code lives: one slot per (account, purpose), so a new code replaces the previous one.
 *
 * <p>The account is the canonical key the login guard made ({@link AccountNames}, with the policy's setting):
 * Warehouse usernames are unique regardless of case, so {@code Alice} and {@code alice} are one account and share
 * one code. It is used as given, never folded again here: with a policy whose names are case-sensitive, folding
 * would let a code sent for {@code alice} pass for {@code Alice}.
 *
 * @param account the account's canonical username
 * @param purpose what the code is for
 */
public record CodeKey(String account, CodePurpose purpose) {

    public CodeKey {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(purpose, "purpose");
        if (account.isBlank()) {
            throw new IllegalArgumentException("account must not be blank");
        }
    }

    /**
     * The Redis key: {@code guard:{<account>}:email-code:<purpose>}. The hash tag puts every key of one
     * account in one Redis Cluster slot. Two different keys never collide: a purpose has no {@code }} or
     * {@code :}, so the text after the last {@code }:email-code:} is always the purpose.
     */
    public String redisKey() {
        return "guard:{" + account + "}:email-code:" + purpose.name();
    }
}
