package io.registryguard.risk;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * One answer of the range API: lines {@code SUFFIX:COUNT} (35 hex digits, the SHA-1 after the 5-digit prefix).
 * With {@code Add-Padding: true} the answer also holds random suffixes with count 0; those are not breached.
 */
final class PwnedPasswordsRange {

    private PwnedPasswordsRange() {
    }

    /** The suffixes seen in a breach at least once, upper-case. Malformed lines are skipped. */
    static Set<String> breachedSuffixes(String body) {
        Set<String> suffixes = new HashSet<>();
        for (String line : body.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon != 35) {
                continue;
            }
            String count = line.substring(colon + 1).strip();
            if (!count.isEmpty() && count.chars().allMatch(Character::isDigit) && !count.chars().allMatch(c -> c == '0')) {
                suffixes.add(line.substring(0, colon).toUpperCase(Locale.ROOT));
            }
        }
        return suffixes;
    }
}
