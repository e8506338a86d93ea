package io.registryguard.gateway.demo;

import com.github.tomakehurst.wiremock.http.MultiValue;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.Optional;

/**
 * The {@code next} redirect target of login and logout, and which targets the demo registry
 * follows: only paths on this host ({@code /manage/account/}), never {@code //evil.test},
 * {@code /\evil.test} or absolute URLs, which would make the login form an open redirect.
 */
final class SafeRedirect {

    private SafeRedirect() {
    }

    /** Warehouse reads {@code next} from the form first, then from the query string; empty if absent. */
    static String requestedNext(Request request) {
        MultiValue fromForm = request.formParameter("next");
        if (fromForm != null && fromForm.isPresent() && !fromForm.firstValue().isEmpty()) {
            return fromForm.firstValue();
        }
        MultiValue fromQuery = request.queryParameter("next");
        return fromQuery != null && fromQuery.isPresent() ? fromQuery.firstValue() : "";
    }

    static Optional<String> localPath(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//")) {
            return Optional.empty();
        }
        boolean hasControlOrBackslash = next.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\');
        return hasControlOrBackslash ? Optional.empty() : Optional.of(next);
    }
}
