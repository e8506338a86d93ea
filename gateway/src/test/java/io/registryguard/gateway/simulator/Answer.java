package io.registryguard.gateway.simulator;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One answer of the gateway, as a browser sees it.
 *
 * @param latency wall-clock time from sending the request to the end of the body
 */
record Answer(int status, HttpHeaders headers, String body, Duration latency) {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"");
    private static final Pattern SECRET = Pattern.compile("class=\"secret\">([A-Z2-7= ]+)<");

    Optional<String> location() {
        return headers.firstValue("Location");
    }

    boolean redirectsTo(String pathPrefix) {
        return status / 100 == 3 && location().map(l -> pathOf(l).startsWith(pathPrefix)).orElse(false);
    }

    /** Whether the answer sets cookie {@code name} to a non-empty value. */
    boolean setsCookie(String name) {
        return headers.allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith(name + "=") && !c.startsWith(name + "=;") && !c.equals(name + "="));
    }

    /** Whether the page holds a form posting to exactly {@code action}. */
    boolean hasForm(String action) {
        return body.contains("action=\"" + action + "\"");
    }

    Optional<String> csrf() {
        return group(CSRF);
    }

    /** The TOTP key shown on the enrollment page. */
    Optional<String> shownSecret() {
        return group(SECRET).map(s -> s.replace(" ", ""));
    }

    private Optional<String> group(Pattern pattern) {
        Matcher m = pattern.matcher(body);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static String pathOf(String location) {
        String path = location.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
