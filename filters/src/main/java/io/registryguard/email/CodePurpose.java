package io.registryguard.email;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a one-time code is for. A code issued for one purpose never satisfies another: it is stored under
 * its own key and its hash covers the purpose.
 *
 * @param name lower-case letters, digits and {@code -}; it is part of the store key
 */
public record CodePurpose(String name) {

    // First: the constants below are checked against it as the class initializes.
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    /** Proving control of the email before enrolling a first factor (the 2024 credential-stuffing fix). */
    public static final CodePurpose ENROLL = new CodePurpose("enroll");

    /** Confirming a sign-in the risk score found unusual, on top of the account's second factor. */
    public static final CodePurpose SIGN_IN = new CodePurpose("sign-in");

    /** Re-authenticating by email before a sensitive action, where the policy allows it. */
    public static final CodePurpose STEP_UP = new CodePurpose("step-up");

    public CodePurpose {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "code purpose must be 1-32 of [a-z0-9-], starting with a letter or digit: '" + name + "'");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
