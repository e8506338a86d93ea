package io.registryguard.mfa;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Key ring documents with keys a test can recognise, so it can check they never leak. */
final class TestKeys {

    private TestKeys() {
    }

    /** 32 bytes derived from the kid: distinct per kid, stable across a test. */
    static String keyFor(String kid) {
        byte[] key = new byte[FactorKeyRing.KEY_BYTES];
        byte[] seed = kid.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed[i % seed.length] * 31 + i * 7);
        }
        return Base64.getEncoder().encodeToString(key);
    }

    static String entry(String kid) {
        return "{\"kid\": \"" + kid + "\", \"key\": \"" + keyFor(kid) + "\"}";
    }

    /** A ring whose primary is the first kid. */
    static FactorKeyRing ring(String... kids) {
        return FactorKeyRing.fromJson(json(kids));
    }

    static String json(String... kids) {
        StringBuilder json = new StringBuilder("{\"keys\": [");
        for (int i = 0; i < kids.length; i++) {
            json.append(i == 0 ? "" : ", ").append(entry(kids[i]));
        }
        return json.append("]}").toString();
    }
}
