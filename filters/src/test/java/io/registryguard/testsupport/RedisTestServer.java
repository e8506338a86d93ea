package io.registryguard.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real redis-server for tests, one per JVM, started on first use and stopped by a shutdown hook.
 *
 * <p>Where it comes from, first found: {@code SPRING_DATA_REDIS_URL} (an external server: used as is, never
 * stopped); {@code redis-server} on the PATH (Debian's); the linux-amd64 binary inside
 * {@code com.github.codemonstur:embedded-redis}. A started server listens on 127.0.0.1 on a free port, keeps
 * nothing on disk, and can be {@link #stop() stopped} and {@link #start() started} again on the same port, to test
 * what happens when Redis goes away mid-test.
 */
public final class RedisTestServer {

    private static final String EMBEDDED_BINARY = "redis-server-6.2.6-v5-linux-amd64";
    private static final Duration STARTUP = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(5);
    private static RedisTestServer instance;

    private final String externalUrl;
    private final int port;
    private Path binary;
    private Process process;

    private RedisTestServer(String externalUrl, int port) {
        this.externalUrl = externalUrl;
        this.port = port;
    }

    /** The JVM's server, started if it is not running. */
    public static synchronized RedisTestServer get() {
        if (instance == null) {
            String url = System.getenv("SPRING_DATA_REDIS_URL");
            instance = url != null && !url.isBlank() ? new RedisTestServer(url, -1) : new RedisTestServer(null, freePort());
            if (instance.externalUrl == null) {
                Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "redis-test-server-stop"));
            }
        }
        instance.start();
        return instance;
    }

    /** {@code redis://127.0.0.1:<port>}, or the external URL. */
    public String url() {
        return externalUrl != null ? externalUrl : "redis://127.0.0.1:" + port;
    }

    /** False for an external server: it cannot be stopped and restarted by a test. */
    public boolean canRestart() {
        return externalUrl == null;
    }

    public synchronized boolean isRunning() {
        return externalUrl != null || process != null && process.isAlive();
    }

    /** Starts the server on its port, if it is not running; returns once it accepts connections. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            process = new ProcessBuilder(List.of(binary().toString(), "--port", String.valueOf(port), "--bind",
                    "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        awaitListening();
    }

    /** Kills the server (like a crash: no shutdown save) and returns once it is gone. */
    public synchronized void stop() {
        if (externalUrl != null) {
            throw new IllegalStateException("an external Redis (SPRING_DATA_REDIS_URL) is not stopped by tests");
        }
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /**
     * Freezes the server (SIGSTOP): connections stay open but nothing is answered, as with a hung Redis or a network
     * that drops packets. {@link #resume()} thaws it.
     */
    public synchronized void pause() {
        signal("-STOP");
    }

    public synchronized void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        if (externalUrl != null || process == null) {
            throw new IllegalStateException("only a running server started by the tests can be signalled");
        }
        try {
            int exit = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(binary + " exited with " + process.exitValue() + " on port " + port);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                LockSupport.parkNanos(POLL.toNanos()); // readiness poll, not a timing assumption
            }
        }
        throw new IllegalStateException("redis-server did not listen on port " + port + " within " + STARTUP);
    }

    private Path binary() {
        if (binary == null) {
            binary = onPath("redis-server");
            if (binary == null) {
                binary = extractEmbedded();
            }
        }
        return binary;
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Path extractEmbedded() {
        try (InputStream in = RedisTestServer.class.getClassLoader().getResourceAsStream(EMBEDDED_BINARY)) {
            if (in == null) {
                throw new IllegalStateException("no redis-server on the PATH and no " + EMBEDDED_BINARY
                        + " on the classpath (com.github.codemonstur:embedded-redis)");
            }
            Path file = Files.createTempFile("redis-server-", "");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().setExecutable(true);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + EMBEDDED_BINARY, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
