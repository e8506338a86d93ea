package io.registryguard.risk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.lettuce.core.event.command.CommandFailedEvent;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import io.lettuce.core.event.command.CommandSucceededEvent;
import io.lettuce.core.protocol.RedisCommand;

/**
 * Counts the commands a Lettuce client writes and, between {@link #start()} and {@link #stop()} (one decision at a
 * time), the wave each command of that decision goes out in: 1 when no earlier command of the decision had its
 * reply when it was written, else 1 + the highest wave among those that had. {@link #stop()} gives the highest.
 *
 * <p>"Had its reply" is the earlier command's future being done, read in {@code commandStarted}, which Lettuce calls
 * on the writing thread before it queues the command. Lettuce completes a command's future before it runs the
 * callbacks that may write a dependent command, so a command written in reaction to a reply always sees it. The
 * listener's {@code commandSucceeded}/{@code commandFailed} come after those callbacks (a dependent command would
 * look concurrent with its cause if they were used for this), and their timestamps are in milliseconds.
 * {@link #awaitFinished} uses exactly that order: once it returns, whatever the replies cause has been written.
 */
final class CommandWaves implements CommandListener {

    private final AtomicLong written = new AtomicLong();
    private final List<RedisCommand<?, ?, ?>> commands = new ArrayList<>();
    private final Map<RedisCommand<?, ?, ?>, Integer> waves = new IdentityHashMap<>();
    private final Set<RedisCommand<?, ?, ?>> finished = Collections.newSetFromMap(new IdentityHashMap<>());
    private volatile boolean tracking;

    @Override
    public void commandStarted(CommandStartedEvent event) {
        written.incrementAndGet();
        if (tracking) {
            track(event.getCommand());
        }
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        finished(event.getCommand());
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        finished(event.getCommand());
    }

    private synchronized void track(RedisCommand<?, ?, ?> command) {
        int wave = 1;
        for (Map.Entry<RedisCommand<?, ?, ?>, Integer> earlier : waves.entrySet()) {
            if (earlier.getKey().isDone()) {
                wave = Math.max(wave, earlier.getValue() + 1);
            }
        }
        commands.add(command);
        waves.put(command, wave);
    }

    private synchronized void finished(RedisCommand<?, ?, ?> command) {
        if (waves.containsKey(command)) {
            finished.add(command);
            notifyAll();
        }
    }

    /** Commands written on the client's connections so far. */
    long written() {
        return written.get();
    }

    synchronized void start() {
        commands.clear();
        waves.clear();
        finished.clear();
        tracking = true;
    }

    /** Commands of this decision written so far. */
    synchronized int tracked() {
        return waves.size();
    }

    /** Waits until the first {@code count} commands of this decision have finished, their replies' callbacks too. */
    synchronized void awaitFinished(int count) throws InterruptedException {
        while (!finished.containsAll(commands.subList(0, count))) {
            wait();
        }
    }

    /** The highest wave of the commands written since {@link #start()}; 0 when there were none. */
    synchronized int stop() {
        tracking = false;
        return waves.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
