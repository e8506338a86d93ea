package io.registryguard.mfa;

import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The shared key of a TOTP factor: 20 random bytes, the HMAC-SHA-1 output size RFC 4226 section 4
 * recommends. Shown to the user once, in base32, and otherwise only ever stored sealed by the
 * {@link FactorKeyRing}. {@link #toString()} never shows it.
 */
public final class TotpSecret {

    static final int LENGTH = 20;

    private final byte[] key;

    private TotpSecret(byte[] key) {
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("a TOTP secret is " + LENGTH + " bytes, not " + key.length);
        }
        this.key = key.clone();
    }

    static TotpSecret generate(SecureRandom random) {
        byte[] key = new byte[LENGTH];
        random.nextBytes(key);
        return new TotpSecret(key);
    }

    static TotpSecret of(byte[] key) {
        return new TotpSecret(key);
    }

    /** The secret as the enrollment page showed it (case and spaces do not matter). */
    public static TotpSecret fromBase32(String base32) {
        return new TotpSecret(Base32.decode(base32));
    }

    /** RFC 4648 base32 without padding, for display and for the otpauth URI. */
    public String base32() {
        return Base32.encode(key);
    }

    byte[] bytes() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TotpSecret that && MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        // Not derived from the key: a hash code is no place to leak secret bits.
        return TotpSecret.class.hashCode();
    }

    @Override
    public String toString() {
        return "TotpSecret[redacted]";
    }
}
