package io.registryguard.email;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Uniform random codes of a fixed number of decimal digits, leading zeros included. */
final class CodeGenerator {

    private final int digits;
    private final int bound;
    private final SecureRandom random;

    CodeGenerator(int digits) {
        this.digits = digits;
        this.bound = (int) Math.pow(10, digits);
        this.random = drbg();
    }

    String next() {
        return String.format("%0" + digits + "d", random.nextInt(bound));
    }

    /**
     * DRBG generates in memory once seeded, where NativePRNG reads /dev/urandom on every call: no file read
     * on a request thread. Seeded here, at construction, not on the first request.
     */
    private static SecureRandom drbg() {
        SecureRandom random;
        try {
            random = SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            random = new SecureRandom();
        }
        random.nextInt();
        return random;
    }
}
