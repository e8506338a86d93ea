package io.registryguard.stepup;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * The gateway's step-up signing keys: a JWK set (RFC 7517) of EC P-256 keys, each with a unique
 * {@code kid}. Every key in the set verifies; the <em>first</em> key signs, so the set's order is the
 * rotation schedule (a new key is prepended, a retired one is dropped from the end). Keys after the first
 * may be public-only. Only the public parts ever leave this class, through {@link #publicJwksJson()}.
 *
 * <p>Invalid sets are refused on load with a message that names the key by position and {@code kid} but
 * never quotes key material; {@link #toString()} names the kids only.
 */
public final class StepUpKeySet {

    private static final int MAX_JSON_LENGTH = 256 * 1024;

    private final List<ECKey> keys;
    private final JWSSigner signer;
    private final Map<String, JWSVerifier> verifiers;

    private StepUpKeySet(List<ECKey> keys) {
        this.keys = List.copyOf(keys);
        this.signer = signerFor(keys.get(0));
        Map<String, JWSVerifier> byKid = new HashMap<>();
        for (ECKey key : keys) {
            byKid.put(key.getKeyID(), verifierFor(key));
        }
        this.verifiers = Map.copyOf(byKid);
    }

    /**
     * Reads a JWK set, e.g. the contents of the secret file.
     *
     * @throws IllegalArgumentException naming what is wrong, without quoting any key material
     */
    public static StepUpKeySet parse(String jwkSetJson) {
        if (jwkSetJson == null || jwkSetJson.isBlank()) {
            throw new IllegalArgumentException("the step-up key set is empty");
        }
        Map<String, Object> json;
        List<Object> members;
        try {
            json = JSONObjectUtils.parse(jwkSetJson, MAX_JSON_LENGTH);
            members = JSONObjectUtils.getJSONArray(json, "keys");
        } catch (ParseException | RuntimeException e) {
            // Nimbus' message could quote the input, which holds private keys: say what it should be instead.
            throw new IllegalArgumentException(
                    "the step-up key set is not a JWK set (a JSON object with a 'keys' array)");
        }
        if (members == null) {
            throw new IllegalArgumentException("the step-up key set has no 'keys' array");
        }
        List<ECKey> keys = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            keys.add(readKey(members.get(i), i + 1));
        }
        return of(keys);
    }

    static StepUpKeySet of(List<ECKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the step-up key set has no keys");
        }
        Set<String> kids = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            ECKey key = keys.get(i);
            String where = describe(i + 1, key.getKeyID());
            checkKey(key, where);
            if (!kids.add(key.getKeyID())) {
                throw new IllegalArgumentException(where + ": kid is used by an earlier key");
            }
        }
        if (!keys.get(0).isPrivate()) {
            throw new IllegalArgumentException(describe(1, keys.get(0).getKeyID())
                    + ": the first key signs, so it needs its private part (d)");
        }
        return new StepUpKeySet(keys);
    }

    /** The {@code kid} new tokens are signed with. */
    public String signingKeyId() {
        return keys.get(0).getKeyID();
    }

    /** Every {@code kid} that verifies, signing key first. */
    public List<String> keyIds() {
        return keys.stream().map(ECKey::getKeyID).toList();
    }

    /** The public keys as a JWKS document, for {@code /_guard/.well-known/jwks.json}. */
    public String publicJwksJson() {
        List<JWK> publicKeys = keys.stream().map(key -> (JWK) key.toPublicJWK()).toList();
        return JSONObjectUtils.toJSONString(new JWKSet(publicKeys).toJSONObject(true));
    }

    /** The whole set, private parts included: for the operator's CLI only, never for a response or a log. */
    String secretJwksJson() {
        return JSONObjectUtils.toJSONString(new JWKSet(new ArrayList<JWK>(keys)).toJSONObject(false));
    }

    List<ECKey> keys() {
        return keys;
    }

    JWSSigner signer() {
        return signer;
    }

    Optional<JWSVerifier> verifier(String kid) {
        return Optional.ofNullable(verifiers.get(kid));
    }

    @Override
    public String toString() {
        return "StepUpKeySet[signing=" + signingKeyId() + ", kids=" + keyIds() + "]";
    }

    private static ECKey readKey(Object member, int position) {
        if (!(member instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(describe(position, null) + ": not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) member;
        Object kid = json.get("kid");
        String where = describe(position, kid instanceof String s ? s : null);
        if (!"EC".equals(json.get("kty")) || !Curve.P_256.getName().equals(json.get("crv"))) {
            throw new IllegalArgumentException(where + ": not an EC P-256 key (kty EC, crv P-256)");
        }
        try {
            return ECKey.parse(json);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException(where + ": not a valid EC JWK (x and y on P-256, d if private)");
        }
    }

    private static void checkKey(ECKey key, String where) {
        if (key.getKeyID() == null || key.getKeyID().isBlank()) {
            throw new IllegalArgumentException(where + ": every key needs a kid");
        }
        if (!Curve.P_256.equals(key.getCurve())) {
            throw new IllegalArgumentException(where + ": not an EC P-256 key");
        }
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            throw new IllegalArgumentException(where + ": use must be sig");
        }
        if (key.getAlgorithm() != null && !JWSAlgorithm.ES256.equals(key.getAlgorithm())) {
            throw new IllegalArgumentException(where + ": alg must be ES256");
        }
        if (key.isPrivate() && !privateMatchesPublic(key)) {
            throw new IllegalArgumentException(where + ": the private part (d) does not belong to x and y");
        }
    }

    /** Signs a probe and checks it with the public half, so a pasted wrong {@code d} fails at start-up. */
    private static boolean privateMatchesPublic(ECKey key) {
        try {
            JWSHeader header = new JWSHeader(JWSAlgorithm.ES256);
            byte[] probe = "step-up key probe".getBytes(StandardCharsets.US_ASCII);
            Base64URL signature = new ECDSASigner(key).sign(header, probe);
            return new ECDSAVerifier(key.toPublicJWK()).verify(header, probe, signature);
        } catch (JOSEException e) {
            return false;
        }
    }

    private static JWSSigner signerFor(ECKey key) {
        try {
            return new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException(describe(1, key.getKeyID()) + ": cannot sign with this key");
        }
    }

    private static JWSVerifier verifierFor(ECKey key) {
        try {
            return new ECDSAVerifier(key.toPublicJWK());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("kid " + key.getKeyID() + ": cannot verify with this key");
        }
    }

    private static String describe(int position, String kid) {
        return "step-up key " + position + (kid == null ? "" : " (kid " + kid + ")");
    }
}
