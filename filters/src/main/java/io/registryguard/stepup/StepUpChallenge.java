package io.registryguard.stepup;

/**
 * The RFC 9470 step-up challenge for a requirement, e.g.
 * {@code Bearer error="insufficient_user_authentication", error_description="A fresh second factor is
 * required for this action", max_age=300, acr_values="otp hwk"}. It says the same whatever was wrong
 * with the token; the reason goes to the audit trail only.
 */
final class StepUpChallenge {

    static final String HEADER = "WWW-Authenticate";
    static final String ERROR = "insufficient_user_authentication";
    static final String DESCRIPTION = "A fresh second factor is required for this action";

    private StepUpChallenge() {
    }

    static String forRequirement(StepUpRequirement requirement) {
        BearerChallenge challenge = BearerChallenge.bearer()
                .quoted("error", ERROR)
                .quoted("error_description", DESCRIPTION);
        requirement.maxAgeLimit().ifPresent(maxAge -> challenge.integer("max_age", maxAge.getSeconds()));
        return challenge.quoted("acr_values", String.join(" ", requirement.acceptedAmr())).build();
    }
}
