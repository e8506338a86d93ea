package io.registryguard.gateway.simulator;

import java.time.Clock;
import java.util.Optional;

import io.registryguard.gateway.support.Totps;

/** A legitimate user: the authenticator app on the phone, and the mailbox on file. */
final class UserSolver implements FactorSolver {

    private static final int MAX_FACTOR_TRIES = 2;
    private static final int MAX_EMAIL_REQUESTS = 2;

    private final LegitUser user;
    private final Clock clock;
    private final SimMailbox mailbox;
    private int factorTries;
    private int emailRequests;
    private String usedEmailCode;

    UserSolver(LegitUser user, Clock clock, SimMailbox mailbox) {
        this.user = user;
        this.clock = clock;
        this.mailbox = mailbox;
    }

    @Override
    public Optional<String> factorCode() {
        if (user.totpSecret() == null || factorTries++ >= MAX_FACTOR_TRIES) {
            return Optional.empty();
        }
        return Optional.of(Totps.code(user.totpSecret(), clock.instant()));
    }

    @Override
    public boolean requestEmailCode() {
        return emailRequests++ < MAX_EMAIL_REQUESTS;
    }

    @Override
    public Optional<String> emailCode() {
        Optional<String> code = mailbox.latestCode(user.account().email()).filter(c -> !c.equals(usedEmailCode));
        code.ifPresent(c -> usedEmailCode = c);
        return code;
    }

    @Override
    public Optional<String> enrollmentCode(String base32Secret) {
        user.totpSecret(base32Secret);
        return Optional.of(Totps.code(base32Secret, clock.instant()));
    }
}
