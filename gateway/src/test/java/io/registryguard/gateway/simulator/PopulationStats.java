package io.registryguard.gateway.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The client side's counts for one population. Thread-safe: events of one tick run concurrently. */
final class PopulationStats {

    final LongAdder loginPosts = new LongAdder();
    final LongAdder logins = new LongAdder();
    final LongAdder passwordAccepted = new LongAdder();
    final LongAdder sessions = new LongAdder();
    final LongAdder rateLimited = new LongAdder();
    final LongAdder forbidden = new LongAdder();
    final LongAdder blocked = new LongAdder();
    final LongAdder throttled = new LongAdder();
    final LongAdder emailStep = new LongAdder();
    final LongAdder challenged = new LongAdder();
    final LongAdder factorsEnrolled = new LongAdder();
    final LongAdder emailCodesRequested = new LongAdder();
    final LongAdder emailCodeGuesses = new LongAdder();
    final LongAdder factorCodeTries = new LongAdder();
    final LongAdder accountActions = new LongAdder();
    final LongAdder errors = new LongAdder();
    private final Map<String, LongAdder> ends = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> actionAnswers = new ConcurrentHashMap<>();
    private volatile String firstError;

    /** Counts one finished login. */
    void record(LoginRecord login) {
        logins.increment();
        add(login.passwordAccepted, passwordAccepted);
        add(login.session, sessions);
        add(login.rateLimited, rateLimited);
        add(login.forbidden, forbidden);
        add(login.blocked(), blocked);
        add(login.throttled, throttled);
        add(login.emailStep, emailStep);
        add(login.emailStep || login.throttled, challenged);
        add(login.enrolledFactor, factorsEnrolled);
        emailCodesRequested.add(login.emailCodesRequested);
        emailCodeGuesses.add(login.emailCodeGuesses);
        factorCodeTries.add(login.factorCodeTries);
        ends.computeIfAbsent(login.end, e -> new LongAdder()).increment();
    }

    /** Counts a sensitive action the client tried, with the gateway's answer. */
    void action(String name, Answer answer) {
        accountActions.increment();
        String summary = name + " -> " + answer.status() + answer.location().map(l -> " " + Answer.pathOf(l)).orElse("");
        actionAnswers.computeIfAbsent(summary, s -> new LongAdder()).increment();
    }

    void error(String where, RuntimeException e) {
        errors.increment();
        if (firstError == null) {
            firstError = where + ": " + e;
        }
    }

    String firstError() {
        return firstError;
    }

    /** How logins ended, by count. */
    Map<String, Long> ends() {
        return snapshot(ends);
    }

    Map<String, Long> actionAnswers() {
        return snapshot(actionAnswers);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private static void add(boolean condition, LongAdder counter) {
        if (condition) {
            counter.increment();
        }
    }
}
