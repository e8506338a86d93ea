package io.registryguard.gateway.demo;

import java.util.concurrent.CountDownLatch;

/**
 * The demo registry on its own, in its own JVM, so a benchmark can measure the gateway without the
 * registry's memory in the same heap (bench/upload-heap.sh). Argument: the port (default: a free one).
 */
public final class DemoRegistryMain {

    private DemoRegistryMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        DemoRegistry registry = DemoRegistry.start(args.length > 0 ? Integer.parseInt(args[0]) : 0);
        Runtime.getRuntime().addShutdownHook(new Thread(registry::close));
        System.out.println("demo registry at " + registry.baseUrl());
        new CountDownLatch(1).await();
    }
}
