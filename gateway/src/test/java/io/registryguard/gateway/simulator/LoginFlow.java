package io.registryguard.gateway.simulator;

import java.time.Duration;

/** A password login through the gateway, judged from what the client sees, then its second factor. */
final class LoginFlow {

    static final String LOGIN = "/account/login/";

    private final Duration throttleThreshold;

    LoginFlow(Duration throttleThreshold) {
        this.throttleThreshold = throttleThreshold;
    }

    /** Posts the login form and notes what the answer means for {@code record}. */
    Answer postPassword(SimBrowser browser, String username, String password, LoginRecord record,
            PopulationStats stats) {
        stats.loginPosts.increment();
        Answer answer = browser.post(LOGIN, "csrf_token", "simulated", "username", username, "password", password);
        if (answer.latency().compareTo(throttleThreshold) >= 0) {
            record.throttled = true;
        }
        switch (answer.status()) {
            case 429 -> record.rateLimited = true;
            case 403 -> record.forbidden = true;
            default -> {
            }
        }
        if (answer.setsCookie("session_id")) {
            // The registry's session straight away: the gateway let a password alone through.
            record.session = true;
            record.end = "session without a second factor";
        } else if (answer.redirectsTo(TwoFactorWalk.CODE)) {
            record.passwordAccepted = true;
        }
        record.end = record.session ? record.end : describe(answer);
        return answer;
    }

    /** Completes the second factor after {@link #postPassword} when the password got that far. */
    void secondFactor(SimBrowser browser, Answer passwordAnswer, FactorSolver solver, LoginRecord record) {
        if (record.passwordAccepted && !record.session) {
            TwoFactorWalk.walk(browser, passwordAnswer, solver, record);
        }
    }

    private static String describe(Answer answer) {
        return switch (answer.status()) {
            case 200 -> "password refused";
            case 303 -> "password accepted";
            case 403 -> "403 at the login";
            case 429 -> "429 at the login";
            default -> answer.status() + " at the login";
        };
    }
}
