package io.registryguard.email;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.SecretKey;

import reactor.core.publisher.Mono;

/**
 * One-time codes sent by email: issue one for (account, purpose), check what the user typed. A code is
 * {@link EmailCodeSettings#digits()} random digits, valid for {@link EmailCodeSettings#ttl()}, burned after
 * {@link EmailCodeSettings#maxTries()} checks, accepted once. The store holds only an HMAC of it; the
 * comparison is constant-time.
 *
 * <p>Why: in 2024 attackers logged into accounts without 2FA with leaked passwords and enrolled their own
 * second factor. Enrolling now needs a code sent to the address on file.
 *
 * <p>Rate limits on sending are the caller's: call {@link #issue} only when a send is allowed.
 */
public final class EmailVerification {

    private final EmailCodeSettings settings;
    private final EmailCodeStore store;
    private final CodeHasher hasher;
    private final CodeGenerator generator;
    private final Clock clock;

    private EmailVerification(EmailCodeSettings settings, EmailCodeStore store, SecretKey hashKey, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = Objects.requireNonNull(store, "store");
        this.hasher = new CodeHasher(Objects.requireNonNull(hashKey, "hashKey"));
        this.generator = new CodeGenerator(settings.digits());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param hashKey the HMAC key, at least 32 raw bytes. Every replica sharing a store needs the same key;
     *                a single node may use {@link #generateHashKey()} (codes then die with the process,
     *                which with an in-memory store they do anyway)
     */
    public static EmailVerification create(EmailCodeSettings settings, EmailCodeStore store, SecretKey hashKey,
            Clock clock) {
        return new EmailVerification(settings, store, hashKey, clock);
    }

    /** A random 256-bit HMAC key, for installs whose codes never leave one process. */
    public static SecretKey generateHashKey() {
        return CodeHasher.randomKey();
    }

    public EmailCodeSettings settings() {
        return settings;
    }

    /**
     * Issues a new code for the account and purpose, replacing any previous one (its tries included).
     * Mail the result; do not log it.
     */
    public Mono<Issued> issue(String account, CodePurpose purpose) {
        return Mono.defer(() -> {
            CodeKey key = new CodeKey(account, purpose);
            String code = generator.next();
            Instant expiresAt = clock.instant().plus(settings.ttl());
            // Kept one more TTL after expiry so a late check can be told "expired", not "no code".
            StoredCode stored = new StoredCode(hasher.hash(key, code), expiresAt, expiresAt.plus(settings.ttl()),
                    settings.maxTries());
            return store.put(key, stored).thenReturn(new Issued(code, expiresAt, settings.ttl()));
        });
    }

    /**
     * Checks what the user typed. Every check of a live code uses up a try, well-formed or not; spaces and
     * dashes in the input are ignored. A code is accepted at most once, even by concurrent checks.
     */
    public Mono<CheckResult> check(String account, CodePurpose purpose, String input) {
        return Mono.defer(() -> {
            CodeKey key = new CodeKey(account, purpose);
            Optional<byte[]> inputHash = CodeInput.normalize(input, settings.digits()).map(c -> hasher.hash(key, c));
            return store.reserveTry(key, clock.instant()).flatMap(reservation -> switch (reservation.status()) {
                case NONE -> Mono.just(CheckResult.none());
                case EXPIRED, BURNED -> Mono.just(CheckResult.expiredOrBurned());
                case RESERVED -> {
                    byte[] expected = reservation.hash();
                    // MessageDigest.isEqual is constant-time in the contents.
                    if (inputHash.isEmpty() || !MessageDigest.isEqual(inputHash.get(), expected)) {
                        yield Mono.just(CheckResult.wrong(reservation.triesLeft()));
                    }
                    // Lost race with another correct check, or replaced by a newer code meanwhile.
                    yield store.consume(key, expected)
                            .map(consumed -> consumed ? CheckResult.accepted() : CheckResult.none());
                }
            });
        });
    }
}
