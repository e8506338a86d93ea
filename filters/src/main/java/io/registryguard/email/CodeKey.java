package io.registryguard.email;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a code lives: one slot per (account, purpose), so a new code replaces the previous one.
 *
 * <p>The account is case-folded: Warehouse usernames are unique regardless of case (a case-insensitive
 * column), so {@code Alice} and {@code alice} are one account and must share one code.
 *
 * @param account the account's username, lower-cased
 * @param purpose what the code is for
 */
public record CodeKey(String account, CodePurpose purpose) {

    public CodeKey {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(purpose, "purpose");
        if (account.isBlank()) {
            throw new IllegalArgumentException("account must not be blank");
        }
        account = account.toLowerCase(Locale.ROOT);
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
