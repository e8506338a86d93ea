package io.registryguard.gateway.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the demo registry's files from the classpath (works from the IDE, tests and the boot jar). */
final class DemoResources {

    private DemoResources() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = DemoResources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing demo registry resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo registry resource " + path, e);
        }
    }
}
