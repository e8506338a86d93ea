package io.registryguard.stepup;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The authentication-method values a step-up token may carry in {@code amr}: RFC 8176's {@code otp}
 * (TOTP) and {@code hwk} (a hardware key, WebAuthn), plus {@code email} for a one-time code sent to the
 * address on file. A password ({@code pwd}) is never a second factor, so it is not here.
 */
public final class StepUpAmr {

    public static final String OTP = "otp";
    public static final String HWK = "hwk";
    public static final String EMAIL = "email";

    /** Every known value, strongest first: the order that picks a token's {@code acr}. */
    private static final List<String> KNOWN = List.of(HWK, OTP, EMAIL);

    /** The order in which values are listed in a challenge's {@code acr_values}: the most common factor first. */
    private static final List<String> LISTING = List.of(OTP, HWK, EMAIL);

    private StepUpAmr() {
    }

    public static boolean isKnown(String value) {
        return KNOWN.contains(value);
    }

    /**
     * A non-empty, unmodifiable copy in canonical order ({@code otp}, {@code hwk}, {@code email}) so that a
     * challenge reads the same whatever order the policy used.
     *
     * @throws IllegalArgumentException when empty or when a value is not known
     */
    static Set<String> canonical(Set<String> values, String what) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(what + " must name at least one of " + LISTING);
        }
        for (String value : values) {
            if (!isKnown(value)) {
                throw new IllegalArgumentException(
                        what + " has unknown value '" + value + "' (known: " + LISTING + ")");
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        for (String value : LISTING) {
            if (values.contains(value)) {
                ordered.add(value);
            }
        }
        return Collections.unmodifiableSet(ordered);
    }

    /** The {@code acr} a token gets: the strongest method it was issued for. */
    static String strongest(Set<String> amr) {
        for (String value : KNOWN) {
            if (amr.contains(value)) {
                return value;
            }
        }
        throw new IllegalArgumentException("no known authentication method in " + amr);
    }
}
