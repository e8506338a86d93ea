package io.registryguard.gateway.simulator;

import java.util.Optional;

/**
 * Walks the gateway's second-factor pages the way a browser does, reading each page's form rather than assuming
 * the order of the steps: the TOTP form, the email step (ask for a code, enter it), enrollment. So it follows
 * whatever the gateway asks, including an email step for an account that has a factor.
 */
final class TwoFactorWalk {

    static final String CODE = "/_guard/2fa";
    static final String EMAIL = "/_guard/2fa/email";
    static final String EMAIL_VERIFY = "/_guard/2fa/email/verify";
    static final String ENROLL = "/_guard/2fa/enroll";
    private static final int MAX_STEPS = 40;

    private TwoFactorWalk() {
    }

    /** Follows {@code start} (the gateway's answer to the password) until a session, a refusal or a give-up. */
    static void walk(SimBrowser browser, Answer start, FactorSolver solver, LoginRecord record) {
        Answer answer = start;
        boolean afterEnrollment = false;
        for (int step = 0; step < MAX_STEPS; step++) {
            if (answer.setsCookie("session_id")) {
                record.session = true;
                record.enrolledFactor = afterEnrollment;
                record.end = "session";
                return;
            }
            if (answer.status() == 429 || answer.status() == 403) {
                record.rateLimited |= answer.status() == 429;
                record.forbidden |= answer.status() == 403;
                record.end = answer.status() + " at the second factor";
                return;
            }
            if (answer.status() / 100 == 3) {
                String location = answer.location().orElse("");
                if (!Answer.pathOf(location).startsWith("/_guard/")) {
                    record.end = "sent to " + Answer.pathOf(location) + " without a session";
                    return;
                }
                answer = browser.get(location);
                continue;
            }
            Optional<String> csrf = answer.csrf();
            if (csrf.isEmpty()) {
                record.end = "page " + answer.status() + " without a form";
                return;
            }
            afterEnrollment = false;
            Optional<Answer> next;
            if (answer.hasForm(EMAIL_VERIFY)) {
                record.emailStep = true;
                next = emailCode(browser, csrf.get(), solver, record);
            } else if (answer.hasForm(ENROLL)) {
                afterEnrollment = true;
                next = answer.shownSecret().flatMap(solver::enrollmentCode)
                        .map(code -> browser.post(ENROLL, "csrf", csrf.get(), "code", code));
            } else if (answer.hasForm(EMAIL)) {
                record.emailStep = true;
                next = requestCode(browser, csrf.get(), solver, record);
            } else if (answer.hasForm(CODE)) {
                next = solver.factorCode().map(code -> {
                    record.factorCodeTries++;
                    return browser.post(CODE, "csrf", csrf.get(), "code", code);
                });
            } else {
                record.end = "unknown page " + answer.status();
                return;
            }
            if (next.isEmpty()) {
                record.end = "gave up at " + (answer.hasForm(EMAIL_VERIFY) || answer.hasForm(EMAIL) ? "the email step"
                        : answer.hasForm(ENROLL) ? "enrollment" : "the TOTP code");
                return;
            }
            answer = next.get();
        }
        record.end = "too many steps";
    }

    private static Optional<Answer> emailCode(SimBrowser browser, String csrf, FactorSolver solver,
            LoginRecord record) {
        Optional<String> code = solver.emailCode();
        if (code.isPresent()) {
            record.emailCodeGuesses++;
            return Optional.of(browser.post(EMAIL_VERIFY, "csrf", csrf, "code", code.get()));
        }
        return requestCode(browser, csrf, solver, record);
    }

    private static Optional<Answer> requestCode(SimBrowser browser, String csrf, FactorSolver solver,
            LoginRecord record) {
        if (!solver.requestEmailCode()) {
            return Optional.empty();
        }
        record.emailCodesRequested++;
        return Optional.of(browser.post(EMAIL, "csrf", csrf));
    }
}
