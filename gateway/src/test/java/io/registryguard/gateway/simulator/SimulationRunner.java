package io.registryguard.gateway.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.registryguard.testsupport.MutableClock;

/**
 * Plays an {@link EventSchedule} in time order on a clock it moves itself: the events of one tick run with the
 * clock at the tick's start, concurrently across actors and in order within one, and the clock moves on only when
 * they are all done. No sleeping: a quiet simulated hour costs nothing.
 */
final class SimulationRunner {

    /**
     * How the run went on the wall clock.
     *
     * @param setup what came before the first event: the gateway's start, the factors' enrollment, the warm-up
     * @param wall  from the first event to the last
     */
    record Timing(Duration setup, Duration wall, int ticks, int events) {

        Timing afterSetup(Duration value) {
            return new Timing(value, wall, ticks, events);
        }
    }

    private SimulationRunner() {
    }

    static Timing run(EventSchedule schedule, MutableClock clock, Instant origin, Duration tick, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "simulated-client");
            thread.setDaemon(true);
            return thread;
        });
        long started = System.nanoTime();
        int ticks = 0;
        try {
            Instant currentTick = null;
            Map<Object, List<Runnable>> byActor = new IdentityHashMap<>();
            for (Map.Entry<Instant, List<EventSchedule.Event>> entry : schedule.byTime().entrySet()) {
                Instant tickStart = tickOf(entry.getKey(), origin, tick);
                if (!tickStart.equals(currentTick)) {
                    play(byActor, pool);
                    currentTick = tickStart;
                    clock.set(tickStart);
                    ticks++;
                }
                for (EventSchedule.Event event : entry.getValue()) {
                    byActor.computeIfAbsent(event.actor(), a -> new ArrayList<>()).add(event.action());
                }
            }
            play(byActor, pool);
        } finally {
            pool.shutdownNow();
        }
        return new Timing(Duration.ZERO, Duration.ofNanos(System.nanoTime() - started), ticks, schedule.size());
    }

    private static Instant tickOf(Instant at, Instant origin, Duration tick) {
        long seconds = Duration.between(origin, at).getSeconds();
        return origin.plusSeconds(Math.floorDiv(seconds, tick.getSeconds()) * tick.getSeconds());
    }

    /** Runs one tick: each actor's events in order on one thread, actors side by side; waits for all. */
    private static void play(Map<Object, List<Runnable>> byActor, ExecutorService pool) {
        if (byActor.size() == 1) {
            byActor.values().iterator().next().forEach(Runnable::run); // the common case: no hand-over
            byActor.clear();
            return;
        }
        List<Future<?>> running = new ArrayList<>(byActor.size());
        for (List<Runnable> actions : byActor.values()) {
            running.add(pool.submit(() -> actions.forEach(Runnable::run)));
        }
        byActor.clear();
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a simulated client failed outside its own error handling",
                        e.getCause());
            }
        }
    }
}
