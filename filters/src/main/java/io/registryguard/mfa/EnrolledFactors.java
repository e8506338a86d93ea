package io.registryguard.mfa;

import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * An account's second factors as stored: the TOTP secret sealed by the {@link FactorKeyRing}
 * ({@code v1.<kid>.<nonce>.<ciphertext+tag>}), the last time step a TOTP code was accepted for, the
 * SHA-256 hashes (lowercase hex) of the recovery codes still unused, and when the factor was enrolled.
 * Nothing here opens without the ring; {@link #toString()} still leaves the sealed secret and hashes out.
 */
public record EnrolledFactors(String account, String encryptedTotpSecret, long lastTotpStep,
        Set<String> recoveryCodeHashes, Instant enrolledAt) {

    public EnrolledFactors {
        if (account == null || account.isBlank()) {
            throw new IllegalArgumentException("account must not be blank");
        }
        Objects.requireNonNull(encryptedTotpSecret, "encryptedTotpSecret");
        try {
            SealedSecret.parse(encryptedTotpSecret);
        } catch (FactorDecryptionException e) {
            throw new IllegalArgumentException("encryptedTotpSecret: " + e.getMessage());
        }
        if (lastTotpStep < 0) {
            throw new IllegalArgumentException("lastTotpStep must not be negative");
        }
        recoveryCodeHashes = Set.copyOf(Objects.requireNonNull(recoveryCodeHashes, "recoveryCodeHashes"));
        for (String hash : recoveryCodeHashes) {
            if (!RecoveryCodeHash.isHash(hash)) {
                throw new IllegalArgumentException("recoveryCodeHashes must be lowercase hex SHA-256 digests");
            }
        }
        Objects.requireNonNull(enrolledAt, "enrolledAt");
    }

    EnrolledFactors withLastTotpStep(long step) {
        return new EnrolledFactors(account, encryptedTotpSecret, step, recoveryCodeHashes, enrolledAt);
    }

    EnrolledFactors withoutRecoveryCode(String hash) {
        Set<String> remaining = new HashSet<>(recoveryCodeHashes);
        remaining.remove(hash);
        return new EnrolledFactors(account, encryptedTotpSecret, lastTotpStep, remaining, enrolledAt);
    }

    EnrolledFactors withRecoveryCodeHashes(Set<String> hashes) {
        return new EnrolledFactors(account, encryptedTotpSecret, lastTotpStep, hashes, enrolledAt);
    }

    @Override
    public String toString() {
        return "EnrolledFactors[account=" + account + ", encryptedTotpSecret=redacted, lastTotpStep=" + lastTotpStep
                + ", recoveryCodes=" + recoveryCodeHashes.size() + " left, enrolledAt=" + enrolledAt + "]";
    }
}
