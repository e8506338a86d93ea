package io.registryguard.stepup;

import io.registryguard.policy.StepUpRule;

/** The policy's {@link StepUpRule} as the token core's {@link StepUpRequirement}. */
public final class StepUpRequirements {

    private StepUpRequirements() {
    }

    public static StepUpRequirement of(StepUpRule rule) {
        return StepUpRequirement.of(rule.maxAge(), rule.acr(), rule.singleUse());
    }
}
