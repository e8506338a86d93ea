package io.registryguard.ratelimit;

/** How the registry answered an attempt that was let through. */
public enum AttemptOutcome {

    /** The credential or code was right: failure buckets get their token back. */
    SUCCESS,

    /**
     * The credential or code was wrong, or the answer could not be judged: the token stays taken. An outcome never
     * recorded (client gone, registry error) counts the same way.
     */
    FAILURE
}
