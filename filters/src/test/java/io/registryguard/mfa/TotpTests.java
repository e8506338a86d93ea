package io.registryguard.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTests {

    /** RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890". */
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T={0}s")
    @CsvSource({
            "59,          0000000000000001, 94287082",
            "1111111109,  00000000023523EC, 07081804",
            "1111111111,  00000000023523ED, 14050471",
            "1234567890,  000000000273EF07, 89005924",
            "2000000000,  0000000003F940AA, 69279037",
            "20000000000, 0000000027BC86AA, 65353130"})
    void codeWhenRfc6238AppendixBThenMatchesEightAndSixDigits(long unixSeconds, String stepHex, String eightDigits) {
        long step = Totp.step(Instant.ofEpochSecond(unixSeconds));

        assertThat(step).isEqualTo(Long.parseLong(stepHex, 16));
        assertThat(Totp.code(RFC_SEED, step, 8)).isEqualTo(eightDigits);
        assertThat(Totp.code(RFC_SEED, step, 6)).isEqualTo(eightDigits.substring(2));
    }

    @Test
    void stepWhenAtBoundaryThenNewStepStartsOnTheThirtiethSecond() {
        assertThat(Totp.step(Instant.ofEpochSecond(29))).isZero();
        assertThat(Totp.step(Instant.ofEpochSecond(30))).isEqualTo(1);
    }

    @Test
    void matchesWhenCodeDiffersInOneDigitThenFalse() {
        assertThat(Totp.matches(RFC_SEED, 1, "287082")).isTrue();
        assertThat(Totp.matches(RFC_SEED, 1, "287083")).isFalse();
        assertThat(Totp.matches(RFC_SEED, 2, "287082")).isFalse();
    }

    @Test
    void windowWhenCodeWithinOneStepThenMatchedStepReturned() {
        long now = 1000;
        for (long step = now - 1; step <= now + 1; step++) {
            assertThat(TotpWindow.match(RFC_SEED, Totp.code(RFC_SEED, step, 6), now, 0)).hasValue(step);
        }
    }

    @Test
    void windowWhenCodeTwoStepsAwayThenNoMatch() {
        long now = 1000;
        assertThat(TotpWindow.match(RFC_SEED, Totp.code(RFC_SEED, now - 2, 6), now, 0)).isEmpty();
        assertThat(TotpWindow.match(RFC_SEED, Totp.code(RFC_SEED, now + 2, 6), now, 0)).isEmpty();
    }

    @Test
    void windowWhenStepNotAfterLastUsedThenNoMatch() {
        long now = 1000;
        String current = Totp.code(RFC_SEED, now, 6);
        assertThat(TotpWindow.match(RFC_SEED, current, now, now)).isEmpty();
        assertThat(TotpWindow.match(RFC_SEED, Totp.code(RFC_SEED, now - 1, 6), now, now)).isEmpty();
        assertThat(TotpWindow.match(RFC_SEED, Totp.code(RFC_SEED, now + 1, 6), now, now)).hasValue(now + 1);
    }

    @Test
    void windowWhenCodeTypedWithSpaceThenMatched() {
        String code = Totp.code(RFC_SEED, 1000, 6);
        assertThat(TotpWindow.match(RFC_SEED, code.substring(0, 3) + " " + code.substring(3), 1000, 0)).hasValue(1000);
    }

    @Test
    void windowWhenNotSixDigitsThenNoMatch() {
        String code = Totp.code(RFC_SEED, 1000, 6);
        assertThat(TotpWindow.match(RFC_SEED, code + "0", 1000, 0)).isEmpty();
        assertThat(TotpWindow.match(RFC_SEED, code.substring(1), 1000, 0)).isEmpty();
        assertThat(TotpWindow.match(RFC_SEED, "12345a", 1000, 0)).isEmpty();
        assertThat(TotpWindow.match(RFC_SEED, "١٢٣٤٥٦", 1000, 0)).isEmpty();
    }
}
