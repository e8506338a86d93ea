package io.registryguard.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads the {@code logins} section: per login/api-auth route, the credential and the outcome rule. */
final class LoginsReader {

    static final List<String> KEYS = List.of("credential", "username-field", "refuse-passwords", "success", "failure",
            "identity-probe");
    static final List<String> OUTCOME_KEYS = List.of("status", "set-cookie", "location-not-matching", "body-contains",
            "body-prefix");
    static final int MAX_BODY_PREFIX = ByteSizeParser.MIB;

    private LoginsReader() {
    }

    /** @param rules the route rules read so far, to check each entry names a login or api-auth route */
    static Map<String, LoginRule> read(YamlValue logins, List<LocatedRule> rules) {
        Map<String, RouteRule> routes = new LinkedHashMap<>();
        rules.forEach(r -> routes.put(r.rule().name(), r.rule()));
        Map<String, LoginRule> read = new LinkedHashMap<>();
        logins.mapping(null).ifPresent(mapping -> {
            for (YamlValue entry : mapping.values()) {
                RouteRule route = routes.get(entry.name());
                if (route == null) {
                    entry.problem("no route named '" + entry.name() + "'; expected the name of a login or api-auth"
                            + " route under routes");
                } else if (route.routeClass() != RouteClass.LOGIN && route.routeClass() != RouteClass.API_AUTH) {
                    entry.problem("route '" + entry.name() + "' is class " + route.routeClass()
                            + "; expected a login or api-auth route");
                }
                rule(entry).ifPresent(rule -> read.put(rule.route(), rule));
            }
        });
        return read;
    }

    private static Optional<LoginRule> rule(YamlValue entry) {
        Optional<YamlMapping> mapping = entry.mapping(KEYS);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping fields = mapping.get();
        Optional<LoginRule.Credential> credential = fields.required("credential").flatMap(v -> v.text("form or basic")
                .flatMap(text -> {
                    Optional<LoginRule.Credential> c = LoginRule.Credential.fromId(text);
                    if (c.isEmpty()) {
                        v.problem("unknown credential '" + text + "'; expected form (a form field) or basic"
                                + " (HTTP Basic auth)");
                    }
                    return c;
                }));
        Optional<String> usernameField = fields.optional("username-field").flatMap(v -> v.text("a form field name"));
        if (credential.orElse(null) == LoginRule.Credential.FORM && fields.optional("username-field").isEmpty()) {
            entry.problem("credential form needs username-field; expected the form field holding the username,"
                    + " like username");
        }
        if (credential.orElse(null) == LoginRule.Credential.BASIC && fields.optional("username-field").isPresent()) {
            fields.optional("username-field").get().problem("basic credentials carry their own username;"
                    + " expected no username-field");
        }
        Optional<Boolean> refusePasswords = fields.optional("refuse-passwords").flatMap(YamlValue::bool);
        if (credential.orElse(null) == LoginRule.Credential.FORM && fields.optional("refuse-passwords").isPresent()) {
            fields.optional("refuse-passwords").get().problem("a login form always takes a password;"
                    + " expected refuse-passwords only with credential: basic");
            return Optional.empty();
        }
        Optional<YamlValue> success = fields.optional("success");
        Optional<YamlValue> failure = fields.optional("failure");
        if (success.isPresent() == failure.isPresent()) {
            entry.problem("expected exactly one of success or failure: the conditions of one outcome, the other"
                    + " being everything else");
            return Optional.empty();
        }
        Optional<OutcomeRule> outcome = success.isPresent()
                ? outcome(success.get(), OutcomeRule.Outcome.SUCCESS)
                : outcome(failure.get(), OutcomeRule.Outcome.FAILURE);
        if (credential.isEmpty() || outcome.isEmpty()
                || (credential.get() == LoginRule.Credential.FORM && usernameField.isEmpty())) {
            return Optional.empty();
        }
        boolean basic = credential.get() == LoginRule.Credential.BASIC;
        Optional<YamlValue> probeValue = fields.optional("identity-probe");
        if (basic && probeValue.isPresent()) {
            probeValue.get().problem("an upload carries no session to confirm; expected identity-probe only with"
                    + " credential: form");
            return Optional.empty();
        }
        Optional<IdentityProbeRule> probe = probeValue.map(IdentityProbeReader::read)
                .orElse(Optional.empty());
        if (probeValue.isPresent() && probe.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LoginRule(entry.name(), credential.get(), basic ? null : usernameField.get(),
                outcome.get(), basic && refusePasswords.orElse(true), probe.orElse(null)));
    }

    private static Optional<OutcomeRule> outcome(YamlValue value, OutcomeRule.Outcome describes) {
        Optional<YamlMapping> mapping = value.mapping(OUTCOME_KEYS);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping fields = mapping.get();
        if (fields.isEmpty()) {
            value.problem("no conditions; expected at least one of " + String.join(", ", OUTCOME_KEYS.subList(0, 4)));
            return Optional.empty();
        }
        boolean[] valid = {true};
        Set<Integer> statuses = new LinkedHashSet<>();
        fields.optional("status").ifPresent(v -> valid[0] &= texts(v, "[303]").map(list -> {
            for (int i = 0; i < list.size(); i++) {
                String text = list.get(i);
                if (!text.matches("[1-5]\\d\\d")) {
                    v.problem("'" + text + "' is not an HTTP status; expected a number from 100 to 599");
                    return false;
                }
                statuses.add(Integer.parseInt(text));
            }
            return true;
        }).orElse(false));
        Set<String> cookies = new LinkedHashSet<>();
        fields.optional("set-cookie").ifPresent(v -> valid[0] &= texts(v, "[session_id]").map(cookies::addAll)
                .isPresent());
        Pattern[] location = {null};
        fields.optional("location-not-matching").ifPresent(v -> {
            if (describes == OutcomeRule.Outcome.FAILURE) {
                v.problem("location-not-matching describes a success (the registry sent the user on);"
                        + " expected it under success");
                valid[0] = false;
                return;
            }
            v.text("a regular expression like ^/account/login/").ifPresentOrElse(text -> {
                try {
                    location[0] = Pattern.compile(text);
                } catch (PatternSyntaxException e) {
                    v.problem("'" + text + "' is not a regular expression: " + e.getDescription());
                    valid[0] = false;
                }
            }, () -> valid[0] = false);
        });
        List<String> markers = new ArrayList<>();
        fields.optional("body-contains").ifPresent(v -> valid[0] &= texts(v, "[Invalid password]")
                .map(markers::addAll).isPresent());
        int prefix = fields.optional("body-prefix")
                .map(v -> v.parsed("a size like 16KiB", text -> ByteSizeParser.parse(text, 1, MAX_BODY_PREFIX)))
                .orElse(Optional.of(OutcomeRule.DEFAULT_BODY_PREFIX)).orElse(-1);
        if (!valid[0] || prefix < 0) {
            return Optional.empty();
        }
        return Optional.of(new OutcomeRule(describes, statuses, cookies, location[0], markers, prefix));
    }

    /** A non-empty list of non-empty texts. */
    private static Optional<List<String>> texts(YamlValue value, String example) {
        Optional<List<YamlValue>> items = value.list(example);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        for (YamlValue item : items.get()) {
            Optional<String> text = item.text("a value like " + example);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            texts.add(text.get());
        }
        if (texts.isEmpty()) {
            value.problem("empty list; expected at least one value like " + example);
            return Optional.empty();
        }
        return Optional.of(texts);
    }
}
