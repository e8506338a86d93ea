package io.registryguard.mfa;

/** How a second factor was proven, with the {@code amr} value a step-up token carries for it. */
public enum FactorMethod {

    /** A TOTP code: RFC 8176's {@code otp}. */
    TOTP("otp"),

    /** A single-use recovery code. RFC 8176 has no value for it, so this one is ours. */
    RECOVERY_CODE("recovery-code");

    private final String amr;

    FactorMethod(String amr) {
        this.amr = amr;
    }

    public String amr() {
        return amr;
    }
}
