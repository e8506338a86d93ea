package io.registryguard.mfa;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys that seal factor secrets at rest. New secrets are sealed with the primary key; a
 * secret sealed with any key still on the ring opens, so keys rotate by adding a new primary and
 * removing the old key only once nothing sealed with it remains.
 * <p>
 * Built from a JSON document (see {@link #fromJson(String)}) or, for the demo, {@link #generate()}.
 * {@link #toString()} names the key ids, never key material.
 */
public final class FactorKeyRing {

    static final int KEY_BYTES = 32;
    private static final int TAG_BITS = SealedSecret.TAG_BYTES * 8;

    private final String primaryKid;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    FactorKeyRing(String primaryKid, Map<String, byte[]> keys) {
        if (!keys.containsKey(primaryKid)) {
            throw new IllegalArgumentException("factor key ring: the primary key id is not on the ring");
        }
        Map<String, SecretKey> copy = new LinkedHashMap<>();
        keys.forEach((kid, bytes) -> {
            if (!SealedSecret.KID.matcher(kid).matches() || bytes.length != KEY_BYTES) {
                throw new IllegalArgumentException("factor key ring: malformed key id or key length");
            }
            copy.put(kid, new SecretKeySpec(bytes, "AES"));
        });
        this.primaryKid = primaryKid;
        this.keys = Collections.unmodifiableMap(copy);
    }

    /**
     * Reads a key ring:
     * <pre>{"keys": [{"kid": "2026-11", "key": "&lt;base64 of 32 bytes&gt;"}, {"kid": "2026-05", "key": "…"}]}</pre>
     * The primary is the entry marked {@code "primary": true}; when none is marked, the first entry.
     * Key ids are 1 to 64 of {@code A-Z a-z 0-9 _ -}; keys are standard base64 of exactly 32 bytes.
     *
     * @throws IllegalArgumentException naming what is wrong and where, never echoing key bytes
     */
    public static FactorKeyRing fromJson(String json) {
        return FactorKeyRingJson.parse(json);
    }

    /**
     * A ring of one fresh random key, for the demo and tests. Whatever it seals is lost with the process:
     * the caller should say in the log that it generated one. Its key id is random too, so a restart
     * reports an unknown key id rather than a failed tag.
     */
    public static FactorKeyRing generate() {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        byte[] suffix = new byte[4];
        random.nextBytes(suffix);
        String kid = "generated-" + HexFormat.of().formatHex(suffix);
        return new FactorKeyRing(kid, Map.of(kid, key));
    }

    public String primaryKeyId() {
        return primaryKid;
    }

    /** In the order the document listed them. */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    /**
     * Seals with the primary key, bound to {@code associatedData}: the result opens only with the same value.
     *
     * @param associatedData what the sealed text belongs to (a factor secret: the account), authenticated, not stored
     * @return text, {@code v1.<kid>.<nonce>.<ciphertext>} (nonce and ciphertext in unpadded base64url)
     */
    public String seal(String associatedData, byte[] plaintext) {
        // Random 96-bit nonces under one key stay safe far beyond 2^32 seals; a ring seals one
        // secret per enrollment.
        byte[] nonce = new byte[SealedSecret.NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(primaryKid), nonce, associatedData);
            return new SealedSecret(primaryKid, nonce, cipher.doFinal(plaintext)).text();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * Opens what {@link #seal(String, byte[])} sealed.
     *
     * @param associatedData the value it was sealed with
     * @throws FactorDecryptionException when the text is malformed, its key is gone, or it was altered (including
     *                                   sealed with other associated data)
     */
    public byte[] open(String associatedData, String sealedText) {
        SealedSecret sealed = SealedSecret.parse(sealedText);
        SecretKey key = keys.get(sealed.kid());
        if (key == null) {
            throw new FactorDecryptionException("factor secret was sealed with key id '" + sealed.kid()
                    + "', which is not on the factor key ring " + keys.keySet() + "; put that key back on the ring");
        }
        try {
            return cipher(Cipher.DECRYPT_MODE, key, sealed.nonce(), associatedData).doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw new FactorDecryptionException("factor secret failed authentication under key id '" + sealed.kid()
                    + "': it was altered, belongs to another account, or that key id now names a different key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "FactorKeyRing[primary=" + primaryKid + ", keyIds=" + keys.keySet() + "]";
    }
}
