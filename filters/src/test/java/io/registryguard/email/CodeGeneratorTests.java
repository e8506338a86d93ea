package io.registryguard.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CodeGeneratorTests {

    @Test
    void nextWhenSixDigitsThenSixDigitsWithLeadingZerosKept() {
        CodeGenerator generator = new CodeGenerator(6);
        Set<Character> firstDigits = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = generator.next();
            assertThat(code).matches("[0-9]{6}");
            firstDigits.add(code.charAt(0));
        }
        // 1000 uniform draws miss a leading digit with probability below 10^-44.
        assertThat(firstDigits).hasSize(10);
    }

    @Test
    void nextWhenEightDigitsThenNoRepeatsInAThousand() {
        CodeGenerator generator = new CodeGenerator(8);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            codes.add(generator.next());
        }
        // Birthday bound: a repeat among 1000 of 10^8 has probability about 0.5%; two repeats far less.
        assertThat(codes).hasSizeGreaterThanOrEqualTo(998).allMatch(c -> c.matches("[0-9]{8}"));
    }
}
