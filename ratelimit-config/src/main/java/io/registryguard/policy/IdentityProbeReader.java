package io.registryguard.policy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads {@code logins.<route>.identity-probe}: the request that asks the registry whose session it just made. */
final class IdentityProbeReader {

    static final List<String> KEYS = List.of("method", "path", "extract", "timeout");
    static final List<String> EXTRACT_KEYS = List.of("pattern", "json-pointer");
    private static final Pattern JSON_POINTER = Pattern.compile("(/([^~/]|~[01])*)+");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*");

    private IdentityProbeReader() {
    }

    static Optional<IdentityProbeRule> read(YamlValue value) {
        Optional<YamlMapping> mapping = value.mapping(KEYS);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping fields = mapping.get();
        boolean[] valid = {true};
        fields.optional("method").ifPresent(v -> v.text("GET").ifPresentOrElse(text -> {
            if (!text.equals(IdentityProbeRule.METHOD)) {
                v.problem("'" + text + "' is not allowed; expected GET: a probe must not change anything");
                valid[0] = false;
            }
        }, () -> valid[0] = false));
        Optional<String> path = fields.required("path").flatMap(v -> v.text("a registry path like /manage/account/")
                .filter(text -> {
                    if (!PATH.matcher(text).matches() || text.startsWith("//")) {
                        v.problem("'" + text + "' is not a path on the registry; expected one like /manage/account/");
                        return false;
                    }
                    return true;
                }));
        Duration timeout = fields.optional("timeout").map(v -> v.parsed(DurationParser.EXPECTED, text -> {
            Duration d = DurationParser.parse(text);
            if (d.compareTo(IdentityProbeRule.MAX_TIMEOUT) > 0) {
                throw new IllegalArgumentException("'" + text + "' is too long; expected at most 10s: every login"
                        + " waits for the probe");
            }
            return d;
        })).orElse(Optional.of(IdentityProbeRule.DEFAULT_TIMEOUT)).orElse(null);
        Pattern[] pattern = {null};
        String[] pointer = {null};
        fields.required("extract").ifPresentOrElse(v -> v.mapping(EXTRACT_KEYS).ifPresentOrElse(extract -> {
            Optional<YamlValue> p = extract.optional("pattern");
            Optional<YamlValue> j = extract.optional("json-pointer");
            if (p.isPresent() == j.isPresent()) {
                v.problem("expected exactly one of pattern (a regular expression with one group) or json-pointer"
                        + " (like /username)");
                valid[0] = false;
                return;
            }
            p.ifPresent(pv -> pv.text("a regular expression with one group").ifPresentOrElse(text -> {
                try {
                    Pattern compiled = Pattern.compile(text);
                    if (compiled.matcher("").groupCount() != 1) {
                        pv.problem("'" + text + "' has " + compiled.matcher("").groupCount() + " groups; expected"
                                + " exactly one, capturing the account (use (?:...) for the others)");
                        valid[0] = false;
                    } else {
                        pattern[0] = compiled;
                    }
                } catch (PatternSyntaxException e) {
                    pv.problem("'" + text + "' is not a regular expression: " + e.getDescription());
                    valid[0] = false;
                }
            }, () -> valid[0] = false));
            j.ifPresent(jv -> jv.text("a JSON pointer like /username").ifPresentOrElse(text -> {
                if (!JSON_POINTER.matcher(text).matches()) {
                    jv.problem("'" + text + "' is not a JSON pointer; expected one like /username or /user/name");
                    valid[0] = false;
                } else {
                    pointer[0] = text;
                }
            }, () -> valid[0] = false));
        }, () -> valid[0] = false), () -> valid[0] = false);
        if (!valid[0] || path.isEmpty() || timeout == null) {
            return Optional.empty();
        }
        return Optional.of(new IdentityProbeRule(path.get(), pattern[0], pointer[0], timeout));
    }
}
