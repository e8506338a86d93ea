package io.registryguard.policy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the running policy in step with its file. The caller polls {@link #checkNow()}; this class has no
 * thread of its own. Changes are detected by the SHA-256 of the file's bytes, not by file-system events:
 * Kubernetes updates a mounted ConfigMap by re-pointing a symbolic link, which watch services miss or report
 * on the wrong path. A bad edit never replaces a good policy.
 */
public final class PolicyReloader {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyReloader.class);

    private final Path file;
    private final Clock clock;
    private final Consumer<String> errorLog;
    private final AtomicReference<Policy> current;
    private final List<Consumer<Policy>> listeners = new CopyOnWriteArrayList<>();
    /** What the last logged rejection was about (a content hash, or a read error); guarded by this. */
    private String reportedRejection;

    /**
     * Loads {@code file} now and keeps it current.
     *
     * @throws PolicyException when the file cannot be used: at startup there is no last good policy to keep
     */
    public PolicyReloader(Path file, Clock clock) {
        this(file, PolicyLoader.load(file), clock);
    }

    /** Starts from {@code initial}; the first check applies the file if its content differs. */
    public PolicyReloader(Path file, Policy initial, Clock clock) {
        this(file, initial, clock, LOG::error);
    }

    /** @param errorLog receives each rejection report once (the ERROR log in production) */
    PolicyReloader(Path file, Policy initial, Clock clock, Consumer<String> errorLog) {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.errorLog = Objects.requireNonNull(errorLog, "errorLog");
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    public Path file() {
        return file;
    }

    /** The running policy; cheap enough to call on every request. */
    public Policy current() {
        return current.get();
    }

    /** {@code listener} hears every policy applied from now on, once each, on the thread that ran the check. */
    public void addListener(Consumer<Policy> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Reads the file and applies it if its content changed and is valid. */
    public synchronized ReloadResult checkNow() {
        Policy running = current.get();
        String hash = null;
        Policy next;
        try {
            byte[] content = PolicyLoader.read(file);
            hash = PolicyLoader.sha256(content);
            if (hash.equals(running.sha256())) {
                if (reportedRejection != null) {
                    LOG.info("Policy file {} holds the running policy '{}' (sha256 {}) again",
                            file, running.version(), running.sha256());
                    reportedRejection = null;
                }
                return result(ReloadResult.Outcome.UNCHANGED, hash, running,
                        "policy '" + running.version() + "' unchanged");
            }
            next = PolicyLoader.parse(file.toString(), content);
        } catch (PolicyException e) {
            return rejected(hash, e, running);
        }
        current.set(next);
        reportedRejection = null;
        LOG.info("Applied policy '{}' (sha256 {}) from {}; it replaces '{}' (sha256 {})",
                next.version(), next.sha256(), file, running.version(), running.sha256());
        for (Consumer<Policy> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.error("A policy listener failed on policy '{}' (sha256 {})", next.version(), next.sha256(), e);
            }
        }
        return result(ReloadResult.Outcome.APPLIED, hash, next,
                "applied policy '" + next.version() + "' (sha256 " + next.sha256() + ")");
    }

    private ReloadResult rejected(String hash, PolicyException e, Policy running) {
        String message = "Policy file " + file + (hash == null ? "" : " (sha256 " + hash + ")")
                + " rejected; the previous policy '" + running.version() + "' (sha256 " + running.sha256()
                + ") keeps running:\n" + e.getMessage();
        String subject = hash != null ? hash : e.getMessage();
        if (!subject.equals(reportedRejection)) {
            reportedRejection = subject;
            errorLog.accept(message);
        }
        return result(ReloadResult.Outcome.REJECTED, hash, running, message);
    }

    private ReloadResult result(ReloadResult.Outcome outcome, String hash, Policy running, String message) {
        return new ReloadResult(outcome, hash, running.version(), message, clock.instant());
    }
}
