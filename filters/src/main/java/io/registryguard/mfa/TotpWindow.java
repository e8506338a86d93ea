package io.registryguard.mfa;

import java.util.OptionalLong;

/**
 * Which time step a submitted code belongs to. RFC 6238 section 5.2 allows for clock drift; we accept
 * the current step and one either side (a code lives 60 to 90 seconds), and only steps after the last
 * one this account used, so a code, or any older code, is never accepted twice (section 5.2 again).
 */
final class TotpWindow {

    static final int DRIFT_STEPS = 1;

    private TotpWindow() {
    }

    /**
     * @return the earliest step within the window, after {@code lastUsedStep}, whose code is
     *         {@code input}; empty when there is none or the input is not a code at all
     */
    static OptionalLong match(byte[] key, String input, long currentStep, long lastUsedStep) {
        String code = normalize(input);
        if (code == null) {
            return OptionalLong.empty();
        }
        long matched = Long.MIN_VALUE;
        // Every candidate step is computed, matching or not, so timing does not tell which one matched.
        for (long step = currentStep + DRIFT_STEPS; step >= currentStep - DRIFT_STEPS; step--) {
            boolean same = Totp.matches(key, step, code);
            if (same && step > lastUsedStep) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    /** True when the input has the shape of a TOTP code (six digits, spaces allowed). */
    static boolean looksLikeCode(String input) {
        return normalize(input) != null;
    }

    /** Apps show codes as "123 456"; people type them either way. */
    private static String normalize(String input) {
        String code = input.replace(" ", "").replace("\u00a0", "");
        if (code.length() != Totp.DIGITS) {
            return null;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return code;
    }
}
