package io.registryguard.gateway.simulator;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import io.registryguard.gateway.support.Totps;

/**
 * An attacker with a password and nothing else: guesses TOTP codes, has codes emailed to the victim and guesses
 * those, and (should the gateway ever let it get that far) enrolls its own authenticator, as in 2024.
 */
final class GuessingSolver implements FactorSolver {

    private final Clock clock;
    private final int guessesPerCode;
    private final int emailRequests;
    private int factorGuesses;
    private int requested;
    private int guessesOnThisCode;

    /**
     * @param guessesPerCode how many codes it guesses per TOTP form and per emailed code
     * @param emailRequests  how many times it has a code sent
     */
    GuessingSolver(Clock clock, int guessesPerCode, int emailRequests) {
        this.clock = clock;
        this.guessesPerCode = guessesPerCode;
        this.emailRequests = emailRequests;
    }

    @Override
    public Optional<String> factorCode() {
        return factorGuesses++ < guessesPerCode ? Optional.of(digits(6)) : Optional.empty();
    }

    @Override
    public boolean requestEmailCode() {
        if (requested >= emailRequests) {
            return false;
        }
        requested++;
        guessesOnThisCode = 0;
        return true;
    }

    @Override
    public Optional<String> emailCode() {
        if (requested == 0 || guessesOnThisCode >= guessesPerCode) {
            return Optional.empty();
        }
        guessesOnThisCode++;
        return Optional.of(digits(8));
    }

    @Override
    public Optional<String> enrollmentCode(String base32Secret) {
        return Optional.of(Totps.code(base32Secret, clock.instant()));
    }

    private static String digits(int n) {
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(ThreadLocalRandom.current().nextInt(10));
        }
        return out.toString();
    }
}
