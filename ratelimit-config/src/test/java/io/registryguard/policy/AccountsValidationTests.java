package io.registryguard.policy;

import static io.registryguard.policy.PolicyLoaderTests.parse;
import static io.registryguard.policy.PolicyLoaderTests.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.registryguard.policy.AccountNames.CaseFolding;
import io.registryguard.policy.AccountNames.Normalization;
import org.junit.jupiter.api.Test;

/** The {@code accounts} section: defaults, every setting, and each mistake with its file:line: key. */
class AccountsValidationTests {

    private static final String HEAD = """
            version: test-1
            routes:
              login: {class: login, methods: [POST], path: /account/login/}
            """;

    @Test
    void parseWhenNoAccountsSectionThenNfkcFullFoldingTrimmed() {
        assertThat(parse(HEAD).accounts()).isEqualTo(AccountNames.DEFAULT);
        assertThat(AccountNames.DEFAULT).isEqualTo(new AccountNames(Normalization.NFKC, CaseFolding.FULL, true));
    }

    @Test
    void parseWhenAccountsWrittenOutThenEveryKeyRead() {
        Policy policy = parse(HEAD + """
                accounts:
                  normalization: none
                  case-folding: simple
                  trim: false
                """);
        assertThat(policy.accounts()).isEqualTo(new AccountNames(Normalization.NONE, CaseFolding.SIMPLE, false));
        assertThat(parse(HEAD + "accounts: {case-folding: none}\n").accounts())
                .isEqualTo(new AccountNames(Normalization.NFKC, CaseFolding.NONE, true));
    }

    @Test
    void loadWhenAccountsValuesWrongThenErrorsNameLineAndKey() {
        assertThat(problems(HEAD + """
                accounts:
                  normalization: nfc
                  case-folding: turkish
                  trim: sometimes
                  lower: true
                """)).containsExactly(
                "policy.yaml:5: accounts.normalization: unknown normalization 'nfc'; expected nfkc (Unicode"
                        + " compatibility composition: fullwidth and ligatures read as plain letters) or none",
                "policy.yaml:6: accounts.case-folding: unknown case-folding 'turkish'; expected full (ß is ss),"
                        + " simple (one letter to one) or none (names are case-sensitive)",
                "policy.yaml:7: accounts.trim: 'sometimes' is not a boolean; expected true or false",
                "policy.yaml:8: accounts.lower: unknown key; expected one of: normalization, case-folding, trim");
    }

    @Test
    void loadWhenAccountsNotAMappingThenError() {
        assertThat(problems(HEAD + "accounts: nfkc\n")).containsExactly(
                "policy.yaml:4: accounts: expected a mapping with keys normalization, case-folding, trim, found 'nfkc'");
    }

    @Test
    void frozenAccountsWhenSpelledVariouslyThenStoredCanonical() {
        Policy policy = parse(HEAD + "frozen-accounts: [MALLORY, 'ｍａｌｌｏｒｙ', ' Eve ', 'alİce']\n");
        assertThat(policy.frozenAccounts()).containsExactlyInAnyOrder("mallory", "eve", "alice");
    }

    @Test
    void frozenAccountsWhenFoldingOffThenCaseKept() {
        Policy policy = parse(HEAD + "accounts: {case-folding: none}\nfrozen-accounts: [Mallory]\n");
        assertThat(policy.frozenAccounts()).containsExactly("Mallory");
    }

    @Test
    void defaultPolicyWhenLoadedThenAccountsAreTheDefault() {
        assertThat(PolicyLoader.loadDefault().accounts()).isEqualTo(AccountNames.DEFAULT);
    }
}
