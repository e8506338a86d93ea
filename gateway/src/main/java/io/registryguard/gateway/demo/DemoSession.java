package io.registryguard.gateway.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;

import com.github.tomakehurst.wiremock.http.Cookie;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The demo registry's sessions: stateless cookie values {@code demo-session-<username>}, so any
 * stub can tell that a request is logged in, and as whom, from the cookie alone.
 */
final class DemoSession {

    static final String SESSION_COOKIE = "session_id";
    static final String USER_ID_COOKIE = "user_id__insecure";
    static final String SESSION_PREFIX = "demo-session-";

    private DemoSession() {
    }

    /** Matches the {@code session_id} of any demo user (and nothing else). */
    static StringValuePattern anyUserSession() {
        String usernames = DemoAccounts.USERS.stream().map(DemoUser::username).collect(Collectors.joining("|"));
        return matching(SESSION_PREFIX + "(" + usernames + ")");
    }

    static Optional<DemoUser> userOf(Request request) {
        Cookie cookie = request.getCookies().get(SESSION_COOKIE);
        if (cookie == null || cookie.isAbsent()) {
            return Optional.empty();
        }
        return cookie.getValues().stream()
                .flatMap(value -> DemoAccounts.USERS.stream().filter(user -> user.sessionId().equals(value)))
                .findFirst();
    }

    /** What Warehouse sets after a successful password login. */
    static String[] loginCookies(DemoUser user) {
        return new String[] {
            SESSION_COOKIE + "=" + user.sessionId() + "; Path=/; HttpOnly; Secure; SameSite=Lax",
            USER_ID_COOKIE + "=" + user.username() + "; Path=/"
        };
    }

    /** What Warehouse sends when the session ends (logout, account deletion). */
    static String[] clearedCookies() {
        return new String[] {
            SESSION_COOKIE + "=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax",
            USER_ID_COOKIE + "=; Max-Age=0; Path=/"
        };
    }
}
