package io.registryguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.registryguard.policy.AccountNames.CaseFolding;
import io.registryguard.policy.AccountNames.Normalization;
import org.junit.jupiter.api.Test;

/** One canonical account key: every spelling a lenient registry logs in as alice reads as alice. */
class AccountNamesTests {

    private final AccountNames names = AccountNames.DEFAULT;

    private String canonical(String typed) {
        return names.canonical(typed).orElse(null);
    }

    @Test
    void canonicalWhenAsciiCaseDiffersThenOneKey() {
        assertThat(canonical("ALICE")).isEqualTo("alice");
        assertThat(canonical("Alice")).isEqualTo("alice");
        assertThat(canonical("alice")).isEqualTo("alice");
        assertThat(canonical("Bob.Smith_2-x")).isEqualTo("bob.smith_2-x");
    }

    @Test
    void canonicalWhenTurkishDottedOrDotlessIThenPlainI() {
        assertThat(canonical("alİce")).isEqualTo("alice"); // U+0130 capital I with dot above
        assertThat(canonical("alıce")).isEqualTo("alice"); // U+0131 dotless i
        assertThat(canonical("ali\u0307ce")).isEqualTo("alice"); // i + combining dot above (İ lower-cased)
        assertThat(canonical("ALİCE")).isEqualTo("alice");
    }

    @Test
    void canonicalWhenFullwidthOrLigatureThenPlainLetters() {
        assertThat(canonical("ａｌｉｃｅ")).isEqualTo("alice");
        assertThat(canonical("ＡＬＩＣＥ")).isEqualTo("alice");
        assertThat(canonical("ﬁona")).isEqualTo("fiona"); // U+FB01 ligature
        assertThat(canonical("ℌarry")).isEqualTo("harry"); // U+210C black-letter H
        assertThat(canonical("ſam")).isEqualTo("sam"); // long s
    }

    @Test
    void canonicalWhenSharpSThenFullFoldingGivesSsAndSimpleKeepsIt() {
        assertThat(canonical("straße")).isEqualTo("strasse");
        assertThat(canonical("STRASSE")).isEqualTo("strasse");
        assertThat(canonical("ẞtrasse")).isEqualTo("sstrasse"); // capital sharp s
        AccountNames simple = new AccountNames(Normalization.NFKC, CaseFolding.SIMPLE, true);
        assertThat(simple.canonical("Straße")).contains("straße");
        assertThat(simple.canonical("alİce")).contains("alice");
    }

    @Test
    void canonicalWhenCombiningSequenceThenComposedLikeThePrecomposedLetter() {
        assertThat(canonical("jose\u0301")).isEqualTo("josé").isEqualTo(canonical("JOSÉ"));
        assertThat(canonical("A\u030Angstrom")).isEqualTo(canonical("Ångstrom")).isEqualTo("ångstrom");
        assertThat(canonical("\u212Bngstrom")).isEqualTo("ångstrom"); // Angstrom sign
    }

    @Test
    void canonicalWhenWhitespaceAroundThenTrimmedIncludingNoBreakSpaces() {
        assertThat(canonical("  alice\t\n")).isEqualTo("alice");
        assertThat(canonical("\u00A0alice\u3000")).isEqualTo("alice"); // no-break and ideographic spaces
        assertThat(canonical("\u2003alice\u202F")).isEqualTo("alice");
        assertThat(canonical("al ice")).isEqualTo("al ice"); // inside: the registry decides
        AccountNames untrimmed = new AccountNames(Normalization.NFKC, CaseFolding.FULL, false);
        assertThat(untrimmed.canonical(" alice")).contains(" alice");
    }

    @Test
    void canonicalWhenControlOrFormatCharactersThenUnreadable() {
        assertThat(names.canonical("alice\u0000")).isEmpty();
        assertThat(names.canonical("ali\rce")).isEmpty();
        assertThat(names.canonical("alice\u0085")).isEmpty(); // NEL, a C1 control
        assertThat(names.canonical("ali\u200Bce")).isEmpty(); // zero-width space
        assertThat(names.canonical("\u202Eecila")).isEmpty(); // right-to-left override
        assertThat(names.canonical("ali\u00ADce")).isEmpty(); // soft hyphen
        assertThat(names.canonical("ali\uD800ce")).isEmpty(); // lone surrogate
    }

    @Test
    void canonicalWhenEmptyBlankNullOrHugeThenUnreadable() {
        assertThat(names.canonical(null)).isEmpty();
        assertThat(names.canonical("")).isEmpty();
        assertThat(names.canonical(" \u00A0 ")).isEmpty();
        assertThat(names.canonical("a".repeat(AccountNames.MAX_CHARS + 1))).isEmpty();
        assertThat(names.canonical("a".repeat(AccountNames.MAX_CHARS))).isPresent();
    }

    @Test
    void canonicalWhenAppliedTwiceThenUnchanged() {
        for (String typed : new String[] {"alİce", "ＡＬＩＣＥ", "straße", "ﬁona", "jose\u0301", " Ǆemal "}) {
            String once = canonical(typed);
            assertThat(canonical(once)).as(typed).isEqualTo(once);
        }
    }

    @Test
    void canonicalWhenConfiguredOffThenNamesKeptAsTyped() {
        AccountNames none = new AccountNames(Normalization.NONE, CaseFolding.NONE, false);
        assertThat(none.canonical("ＡLİce ")).contains("ＡLİce ");
        assertThat(none.canonical("ali\u0000ce")).isEmpty(); // control characters are never a name
    }

    @Test
    void sameWhenSpellingsOfOneAccountThenTrueElseFalse() {
        assertThat(names.same("alice", "ALİCE")).isTrue();
        assertThat(names.same("alice", "ａｌｉｃｅ")).isTrue();
        assertThat(names.same("alice", "bob")).isFalse();
        assertThat(names.same(null, null)).isFalse();
        assertThat(names.same("ali\u0000ce", "ali\u0000ce")).isFalse();
    }

    @Test
    void keyWhenUnreadableThenInputUnchanged() {
        assertThat(names.key("ALICE")).isEqualTo("alice");
        assertThat(names.key("ali\u0000ce")).isEqualTo("ali\u0000ce");
    }
}
