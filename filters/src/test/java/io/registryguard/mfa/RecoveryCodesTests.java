package io.registryguard.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecoveryCodesTests {

    private final RecoveryCodes codes = RecoveryCodes.generate(new SecureRandom());

    @Test
    void generateWhenCalledThenTenDistinctCodesOfEightyBitsInGroupsOfFour() {
        assertThat(codes.codes()).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"));
        // 16 characters of a 32-letter alphabet: 5 bits each.
        assertThat(RecoveryCodeHash.CODE_LENGTH * 5).isGreaterThanOrEqualTo(80);
    }

    @Test
    void hashesWhenGeneratedThenOneSha256HexPerCodeNeverTheCode() {
        Set<String> hashes = codes.hashes();

        assertThat(hashes).hasSize(10).allSatisfy(hash -> assertThat(RecoveryCodeHash.isHash(hash)).isTrue());
        for (String code : codes.codes()) {
            assertThat(hashes).doesNotContain(code).contains(RecoveryCodeHash.of(code).orElseThrow());
        }
    }

    @Test
    void hashWhenKnownCodeThenSha256HexOfTheCanonicalForm() {
        // printf abcdefghijklmnop | sha256sum
        assertThat(RecoveryCodeHash.of("abcd-efgh-ijkl-mnop"))
                .hasValue("f39dac6cbaba535e2c207cd0cd8f154974223c848f727f98b3564cea569b41cf");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefghijklmnop", "ABCD-EFGH-IJKL-MNOP", "abcd efgh ijkl mnop", " aBcD-eFgH ijklMNOP ", "abcd--efgh-ijkl-mnop"})
    void hashWhenDashesSpacesOrCaseDifferThenSameHash(String typed) {
        assertThat(RecoveryCodeHash.of(typed)).isEqualTo(RecoveryCodeHash.of("abcd-efgh-ijkl-mnop"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abcd-efgh-ijkl-mno", "abcd-efgh-ijkl-mnopq", "abcd-efgh-ijkl-mn0p", "abcd-efgh-ijkl-mn8p",
            "abcd_efgh_ijkl_mnop", "abcd-efgh-ijkl-mnöp", "123456"})
    void hashWhenNotARecoveryCodeThenEmpty(String typed) {
        assertThat(RecoveryCodeHash.of(typed)).isEmpty();
    }

    @Test
    void findInWhenPresentThenTheStoredHashOtherwiseEmpty() {
        Set<String> hashes = codes.hashes();
        String one = RecoveryCodeHash.of(codes.codes().get(3)).orElseThrow();

        assertThat(RecoveryCodeHash.findIn(hashes, one)).hasValue(one);
        assertThat(RecoveryCodeHash.findIn(hashes, RecoveryCodeHash.of("abcd-efgh-ijkl-mnop").orElseThrow())).isEmpty();
    }

    @Test
    void toStringWhenCodesGeneratedThenCountOnly() {
        assertThat(codes.toString()).isEqualTo("RecoveryCodes[10 codes, redacted]");
        for (String code : codes.codes()) {
            assertThat(codes.toString()).doesNotContain(code).doesNotContain(code.replace("-", ""));
        }
    }
}
