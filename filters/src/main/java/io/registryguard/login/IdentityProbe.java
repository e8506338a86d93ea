package io.registryguard.login;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.registryguard.policy.IdentityProbeRule;
import reactor.core.publisher.Mono;

/**
 * Asks the registry which account a session it just made belongs to ({@link IdentityProbeRule}). The guard then
 * keys the login on that account, never on the name the client typed: a request the registry reads differently
 * from the guard (a duplicated username field, a lenient decoder) cannot put one account's session under another's.
 */
public interface IdentityProbe {

    /** No probe can be made (no registry client wired): every login that needs one is refused. */
    IdentityProbe UNAVAILABLE = (rule, setCookies) -> Mono.error(new IllegalStateException("no identity probe"));

    /**
     * @param rule       what to ask and how to read the answer
     * @param setCookies the registry's {@code Set-Cookie} header values from its answer to the login
     * @return the account as the registry shows it (not yet canonical); empty when the answer was not 2xx or
     *         held no account; an error when the registry could not be asked (refused, timed out)
     */
    Mono<Optional<String>> accountOf(IdentityProbeRule rule, List<String> setCookies);

    /**
     * A {@code Cookie} header carrying the cookies a login answer set ({@code name=value} of each, without their
     * attributes), or empty when it set none. Cookies the answer deletes (empty value, {@code Max-Age=0}) are left out.
     */
    static String cookieHeader(List<String> setCookies) {
        List<String> pairs = new ArrayList<>();
        for (String setCookie : setCookies) {
            String pair = setCookie.split(";", 2)[0].strip();
            int eq = pair.indexOf('=');
            String lower = setCookie.toLowerCase(java.util.Locale.ROOT);
            if (eq <= 0 || eq == pair.length() - 1 || lower.matches("(?s).*;\\s*max-age\\s*=\\s*0\\s*(;.*)?")) {
                continue;
            }
            pairs.add(pair.substring(0, eq).strip() + "=" + pair.substring(eq + 1).strip());
        }
        return String.join("; ", pairs);
    }
}
