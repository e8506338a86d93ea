package io.registryguard.mfa;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import reactor.core.publisher.Mono;

/**
 * The second factor the gateway owns, because a password alone must never produce a usable registry
 * session (the November 2023 takeover needed nothing more). Enrollment, verification, recovery codes
 * and an admin reset; the secrets stay sealed at rest. Rate limiting of attempts and deciding who may
 * enroll, re-enroll or regenerate (a fresh second factor, an email proof) are the caller's.
 */
public final class SecondFactorService {

    /** Longer input is neither a code nor a recovery code; refuse it before doing any work. */
    private static final int MAX_INPUT = 64;

    private final FactorStore store;
    private final FactorKeyRing keyRing;
    private final String issuer;
    private final Clock clock;
    private final SecureRandom random;

    /**
     * @param issuer the name authenticator apps show for the entry, e.g. the registry's host name;
     *               no colon, since the otpauth label uses it to separate issuer and account
     */
    public SecondFactorService(FactorStore store, FactorKeyRing keyRing, String issuer, Clock clock) {
        this(store, keyRing, issuer, clock, new SecureRandom());
    }

    SecondFactorService(FactorStore store, FactorKeyRing keyRing, String issuer, Clock clock, SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        this.keyRing = Objects.requireNonNull(keyRing, "keyRing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        if (issuer == null || issuer.isBlank() || issuer.contains(":")) {
            throw new IllegalArgumentException("issuer must be non-blank and contain no ':'");
        }
        this.issuer = issuer;
    }

    /**
     * A new TOTP secret and how to show it. Nothing is stored: keep {@link TotpProvisioning#secret()}
     * server-side until {@link #confirmTotp} proves the user's app has it.
     */
    public TotpProvisioning enrollTotp(String account) {
        requireAccount(account);
        TotpSecret secret = TotpSecret.generate(random);
        String uri = OtpAuthUri.of(issuer, account, secret);
        return new TotpProvisioning(secret, uri, QrCodeSvg.render(uri));
    }

    /**
     * Checks a code from the user's app against the pending secret; when it matches, stores the factor
     * (replacing any the account had) with ten fresh recovery codes, and marks the code used.
     *
     * @return the recovery codes in plain text, to show once; empty when the code does not match
     */
    public Mono<RecoveryCodes> confirmTotp(String account, TotpSecret pendingSecret, String code) {
        requireAccount(account);
        Objects.requireNonNull(pendingSecret, "pendingSecret");
        return Mono.defer(() -> {
            if (code == null || code.length() > MAX_INPUT) {
                return Mono.empty();
            }
            byte[] key = pendingSecret.bytes();
            try {
                OptionalLong step = TotpWindow.match(key, code, Totp.step(clock.instant()), Long.MIN_VALUE);
                if (step.isEmpty()) {
                    return Mono.empty();
                }
                RecoveryCodes codes = RecoveryCodes.generate(random);
                EnrolledFactors factors = new EnrolledFactors(account, keyRing.seal(account, key),
                        step.getAsLong(), codes.hashes(), clock.instant());
                return store.save(factors).thenReturn(codes);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        });
    }

    /**
     * Checks a TOTP code or a recovery code (dashes, spaces and case do not matter). A TOTP code is
     * accepted once, and only for a time step after the last one accepted; a recovery code once.
     *
     * @return accepted with its method, or refused without saying why; an error only when the stored
     *         secret cannot be opened ({@link FactorDecryptionException})
     */
    public Mono<VerificationResult> verify(String account, String input) {
        requireAccount(account);
        return Mono.defer(() -> {
            if (input == null || input.length() > MAX_INPUT) {
                return Mono.just(VerificationResult.refused());
            }
            if (TotpWindow.looksLikeCode(input)) {
                return verifyTotp(account, input);
            }
            Optional<String> hash = RecoveryCodeHash.of(input);
            if (hash.isPresent()) {
                return store.consumeRecoveryCode(account, hash.get())
                        .map(consumed -> consumed ? VerificationResult.acceptedBy(FactorMethod.RECOVERY_CODE)
                                : VerificationResult.refused());
            }
            return Mono.just(VerificationResult.refused());
        });
    }

    private Mono<VerificationResult> verifyTotp(String account, String code) {
        return store.find(account)
                .flatMap(factors -> {
                    byte[] key = keyRing.open(account, factors.encryptedTotpSecret());
                    OptionalLong step;
                    try {
                        step = TotpWindow.match(key, code, Totp.step(clock.instant()), factors.lastTotpStep());
                    } finally {
                        Arrays.fill(key, (byte) 0);
                    }
                    if (step.isEmpty()) {
                        return Mono.just(VerificationResult.refused());
                    }
                    // The store decides: of two concurrent attempts with one code, only one advances.
                    return store.advanceTotpStep(account, step.getAsLong())
                            .map(advanced -> advanced ? VerificationResult.acceptedBy(FactorMethod.TOTP)
                                    : VerificationResult.refused());
                })
                .defaultIfEmpty(VerificationResult.refused());
    }

    public Mono<Boolean> hasFactor(String account) {
        requireAccount(account);
        return store.find(account).hasElement();
    }

    /**
     * Replaces all recovery codes with ten new ones; the old ones stop working. The caller demands a
     * fresh second factor first.
     *
     * @return the new codes in plain text, to show once; empty when the account has no factor
     */
    public Mono<RecoveryCodes> regenerateRecoveryCodes(String account) {
        requireAccount(account);
        return Mono.defer(() -> {
            RecoveryCodes codes = RecoveryCodes.generate(random);
            return store.replaceRecoveryCodes(account, codes.hashes())
                    .flatMap(replaced -> replaced ? Mono.just(codes) : Mono.empty());
        });
    }

    /** Removes the account's factors (an administrator's action); it must enroll again. */
    public Mono<Void> reset(String account) {
        requireAccount(account);
        return store.delete(account);
    }

    private static void requireAccount(String account) {
        if (account == null || account.isBlank()) {
            throw new IllegalArgumentException("account must not be blank");
        }
    }
}
