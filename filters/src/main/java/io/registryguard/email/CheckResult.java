package io.registryguard.email;

import java.util.Objects;

/**
 * The answer to an entered code.
 *
 * @param outcome   what happened
 * @param triesLeft with {@link Outcome#WRONG}: how many more tries the code survives (0: it is now burned);
 *                  otherwise 0
 */
public record CheckResult(Outcome outcome, int triesLeft) {

    /** What a page says for each. */
    public enum Outcome {
        /** The code was right and is now used up. Go on (show enrollment). */
        ACCEPTED,
        /** Wrong code; {@link CheckResult#triesLeft()} says whether trying again makes sense. */
        WRONG,
        /** The code expired or was burned by wrong tries: ask for a new one. */
        EXPIRED_OR_BURNED,
        /** No code pending (never issued, already used, or long gone): ask for one. */
        NONE
    }

    private static final CheckResult ACCEPTED = new CheckResult(Outcome.ACCEPTED, 0);
    private static final CheckResult EXPIRED_OR_BURNED = new CheckResult(Outcome.EXPIRED_OR_BURNED, 0);
    private static final CheckResult NONE = new CheckResult(Outcome.NONE, 0);

    public CheckResult {
        Objects.requireNonNull(outcome, "outcome");
        if (triesLeft < 0 || (outcome != Outcome.WRONG && triesLeft != 0)) {
            throw new IllegalArgumentException("triesLeft " + triesLeft + " with " + outcome);
        }
    }

    public static CheckResult accepted() {
        return ACCEPTED;
    }

    public static CheckResult wrong(int triesLeft) {
        return new CheckResult(Outcome.WRONG, triesLeft);
    }

    public static CheckResult expiredOrBurned() {
        return EXPIRED_OR_BURNED;
    }

    public static CheckResult none() {
        return NONE;
    }

    public boolean isAccepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
