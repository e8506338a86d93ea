package io.registryguard.mfa;

import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A fresh set of single-use recovery codes in plain text, to be shown to the user exactly once: only
 * their hashes are stored. Each code is 16 lowercase base32 characters (80 random bits) in groups of
 * four, e.g. {@code k3bq-x7dm-2pzr-wa4n}; the alphabet leaves out 0, 1, 8 and 9, which read as
 * letters. {@link #toString()} shows how many there are, never the codes.
 */
public final class RecoveryCodes {

    static final int COUNT = 10;
    static final int BYTES = 10;

    private final List<String> codes;

    private RecoveryCodes(List<String> codes) {
        this.codes = List.copyOf(codes);
    }

    static RecoveryCodes generate(SecureRandom random) {
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < COUNT) {
            byte[] bytes = new byte[BYTES];
            random.nextBytes(bytes);
            codes.add(group(Base32.encode(bytes).toLowerCase(Locale.ROOT)));
        }
        return new RecoveryCodes(List.copyOf(codes));
    }

    private static String group(String sixteen) {
        return sixteen.substring(0, 4) + "-" + sixteen.substring(4, 8) + "-"
                + sixteen.substring(8, 12) + "-" + sixteen.substring(12);
    }

    /** The codes as the user should write them down, in a stable order. */
    public List<String> codes() {
        return codes;
    }

    Set<String> hashes() {
        return codes.stream()
                .map(code -> RecoveryCodeHash.of(code).orElseThrow())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String toString() {
        return "RecoveryCodes[" + codes.size() + " codes, redacted]";
    }
}
