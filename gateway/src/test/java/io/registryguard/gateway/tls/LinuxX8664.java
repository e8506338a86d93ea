package io.registryguard.gateway.tls;

/** The one platform the gateway ships OpenSSL for (netty-tcnative-boringssl-static, classifier linux-x86_64). */
final class LinuxX8664 {

    private LinuxX8664() {
    }

    static boolean here() {
        String arch = System.getProperty("os.arch");
        return System.getProperty("os.name").startsWith("Linux") && ("amd64".equals(arch) || "x86_64".equals(arch));
    }
}
