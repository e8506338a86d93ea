package io.registryguard.gateway.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What happens when, in simulated time. An event belongs to an actor (a user, an attacking address): the runner
 * plays one actor's events in order, never two at once, because they share its browser.
 */
final class EventSchedule {

    /** One thing an actor does at a time. */
    record Event(Object actor, Runnable action) {
    }

    private final NavigableMap<Instant, List<Event>> events = new TreeMap<>();
    private int size;

    void at(Instant when, Object actor, Runnable action) {
        events.computeIfAbsent(when, t -> new ArrayList<>()).add(new Event(actor, action));
        size++;
    }

    int size() {
        return size;
    }

    /** Events by time, earliest first; at one time, in the order they were added. */
    NavigableMap<Instant, List<Event>> byTime() {
        return events;
    }
}
