package io.registryguard.stepup;

import io.registryguard.policy.StepUpRule;

/** The policy's {@link StepUpRule} as the token core's {@link StepUpRequirement}. */
public final class StepUpRequirements {

    private StepUpRequirements() {
    }

    public static StepUpRequirement of(StepUpRule rule) {
        return StepUpRequirement.of(rule.maxAge(), rule.acr(), rule.singleUse());
    }

    /** The same factors, proven for this very action: what a sequence rule's {@code require-step-up} demands. */
    public static StepUpRequirement freshFor(StepUpRequirement requirement) {
        return StepUpRequirement.of(java.time.Duration.ZERO, requirement.acceptedAmr(), true);
    }
}
