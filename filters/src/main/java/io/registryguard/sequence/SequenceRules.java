package io.registryguard.sequence;

import java.util.Objects;
import java.util.function.Supplier;

import io.registryguard.policy.SequencePolicy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The built-in sequence rules with the policy's thresholds: judges a proposed sensitive action by the history of
 * what was forwarded before it. Windows are measured back from the proposed event's own time, inclusive: an event
 * exactly {@code within} before still counts.
 *
 * <p>Use: map the request ({@link WarehouseEvents#from}), {@link #evaluate} it, and once the registry has carried it
 * out, {@link SequenceHistory#remember} it. A refused action is not remembered: it did not happen. Errors of the
 * history or of {@link AccountAges} are emitted as they are; the caller decides what an unknown history means.
 */
public final class SequenceRules {

    private final Supplier<SequencePolicy> policy;
    private final SequenceHistory history;
    private final AccountAges ages;

    /** @param policy the current policy's section, read at each evaluation so that a reload applies at once */
    public SequenceRules(Supplier<SequencePolicy> policy, SequenceHistory history, AccountAges ages) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.history = Objects.requireNonNull(history, "history");
        this.ages = Objects.requireNonNull(ages, "ages");
    }

    /** With fixed thresholds. */
    public SequenceRules(SequencePolicy policy, SequenceHistory history, AccountAges ages) {
        this(constant(Objects.requireNonNull(policy, "policy")), history, ages);
    }

    /**
     * Allowed, or the decision of the strictest rule that fired (deny over require-step-up; the first in policy
     * order among equals). Two rules look at invites; the stricter decision wins.
     */
    public Mono<SequenceDecision> evaluate(SensitiveEvent proposed) {
        Objects.requireNonNull(proposed, "proposed");
        return Flux.defer(() -> {
            SequencePolicy settings = policy.get();
            return Flux.concat(
                    new OwnerRemovalAfterInviteRule(settings.ownerRemovalAfterInvite(), history, ages).check(proposed),
                    new AccountDeletionAfterRoleLossRule(settings.accountDeletionAfterRoleLoss(), history)
                            .check(proposed),
                    new InviteBurstRule(settings.inviteBurst(), history).check(proposed),
                    new InviteAfterNovelLoginRule(settings.inviteAfterNovelLogin(), history).check(proposed));
        }).reduce(SequenceDecision.ALLOWED, SequenceRules::stricter);
    }

    static SequenceDecision stricter(SequenceDecision first, SequenceDecision second) {
        return severity(second) > severity(first) ? second : first;
    }

    private static int severity(SequenceDecision decision) {
        if (decision instanceof SequenceDecision.Denied) {
            return 2;
        }
        return decision instanceof SequenceDecision.StepUpRequired ? 1 : 0;
    }

    private static Supplier<SequencePolicy> constant(SequencePolicy policy) {
        return () -> policy;
    }
}
