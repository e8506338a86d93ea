package io.registryguard.sequence;

import java.util.List;
import java.util.Objects;

import io.registryguard.policy.SequencePolicy;

/**
 * What {@link SequenceRules#evaluate} decided about a proposed action. The reasons are sentences for the audit trail
 * and for the email telling the account's owner what was stopped; they name accounts, projects and times, never
 * a secret.
 */
public sealed interface SequenceDecision
        permits SequenceDecision.Allowed, SequenceDecision.Denied, SequenceDecision.StepUpRequired {

    /** No rule fired. */
    SequenceDecision ALLOWED = new Allowed();

    boolean allowed();

    /** The decision of a rule that fired with {@code action}. */
    static SequenceDecision of(SequencePolicy.Action action, String rule, List<String> reasons) {
        return switch (action) {
            case DENY -> new Denied(rule, reasons);
            case REQUIRE_STEP_UP -> new StepUpRequired(rule, reasons);
        };
    }

    record Allowed() implements SequenceDecision {

        @Override
        public boolean allowed() {
            return true;
        }
    }

    /**
     * Refused: the request must not reach the registry.
     *
     * @param rule    the policy name of the rule that fired, like {@code owner-removal-after-invite}
     * @param reasons what it saw, first the action, then each earlier event that made it fire
     */
    record Denied(String rule, List<String> reasons) implements SequenceDecision {

        public Denied {
            Objects.requireNonNull(rule, "rule");
            reasons = List.copyOf(reasons);
        }

        @Override
        public boolean allowed() {
            return false;
        }
    }

    /**
     * Let through only after a second factor proven for this very action, whatever the route's own step-up
     * requirement: a token from minutes ago is not enough.
     *
     * @param rule    the policy name of the rule that fired, like {@code invite-burst}
     * @param reasons what it saw, first the action, then each earlier event that made it fire
     */
    record StepUpRequired(String rule, List<String> reasons) implements SequenceDecision {

        public StepUpRequired {
            Objects.requireNonNull(rule, "rule");
            reasons = List.copyOf(reasons);
        }

        @Override
        public boolean allowed() {
            return false;
        }
    }
}
