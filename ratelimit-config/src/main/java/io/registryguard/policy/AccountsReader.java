package io.registryguard.policy;

import java.util.List;
import java.util.Optional;

/** Reads the {@code accounts} section: how typed account names are canonicalized. */
final class AccountsReader {

    static final List<String> KEYS = List.of("normalization", "case-folding", "trim");

    private AccountsReader() {
    }

    static AccountNames read(YamlValue accounts) {
        AccountNames defaults = AccountNames.DEFAULT;
        Optional<YamlMapping> mapping = accounts.mapping(KEYS);
        if (mapping.isEmpty()) {
            return defaults;
        }
        YamlMapping fields = mapping.get();
        AccountNames.Normalization normalization = fields.optional("normalization")
                .flatMap(v -> v.text("nfkc or none").flatMap(text -> {
                    Optional<AccountNames.Normalization> n = AccountNames.Normalization.fromId(text);
                    if (n.isEmpty()) {
                        v.problem("unknown normalization '" + text + "'; expected nfkc (Unicode compatibility"
                                + " composition: fullwidth and ligatures read as plain letters) or none");
                    }
                    return n;
                }))
                .orElse(defaults.normalization());
        AccountNames.CaseFolding folding = fields.optional("case-folding")
                .flatMap(v -> v.text("full, simple or none").flatMap(text -> {
                    Optional<AccountNames.CaseFolding> c = AccountNames.CaseFolding.fromId(text);
                    if (c.isEmpty()) {
                        v.problem("unknown case-folding '" + text + "'; expected full (ß is ss), simple (one letter"
                                + " to one) or none (names are case-sensitive)");
                    }
                    return c;
                }))
                .orElse(defaults.caseFolding());
        boolean trim = fields.optional("trim").flatMap(YamlValue::bool).orElse(defaults.trim());
        return new AccountNames(normalization, folding, trim);
    }
}
