package io.registryguard.email;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 of a code under a server key, bound to the account and purpose. A plain hash of an 8-digit
 * code is no protection: whoever reads the store tries all 10^8 codes offline in seconds. With a key that
 * lives outside the store, a leaked store entry is useless.
 */
final class CodeHasher {

    static final String ALGORITHM = "HmacSHA256";
    static final int MIN_KEY_BYTES = 32;

    private final SecretKey key;

    CodeHasher(SecretKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null || encoded.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the code hash key must be a raw key of at least " + MIN_KEY_BYTES
                    + " bytes");
        }
        this.key = new SecretKeySpec(encoded, ALGORITHM);
    }

    static SecretKey randomKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance(ALGORITHM);
            generator.init(256, new SecureRandom());
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is missing from this JVM", e);
        }
    }

    byte[] hash(CodeKey codeKey, String code) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // cheap, and a Mac is not thread-safe
            mac.init(key);
            // Length-prefixed fields: no two (account, purpose, code) triples give the same input.
            for (String field : new String[] {"email-code/v1", codeKey.account(), codeKey.purpose().name(), code}) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                mac.update(bytes);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " failed", e);
        }
    }
}
