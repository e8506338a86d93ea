package io.registryguard.gateway.demo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The one file the demo registry hosts: a small sdist of {@code demo-project} 1.0 and its sha256. */
final class DemoPackage {

    static final String FILENAME = "demo_project-1.0.tar.gz";

    private final byte[] bytes;
    private final String sha256;

    private DemoPackage(byte[] bytes) {
        this.bytes = bytes;
        this.sha256 = sha256Hex(bytes);
    }

    static DemoPackage load() {
        return new DemoPackage(DemoResources.bytes("demo/packages/" + FILENAME));
    }

    byte[] bytes() {
        return bytes.clone();
    }

    String sha256() {
        return sha256;
    }

    /** Warehouse spreads files over {@code /packages/aa/bb/rest/}; it hashes with blake2b, we with sha256. */
    String path() {
        return "/packages/" + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256.substring(4) + "/" + FILENAME;
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
