package io.registryguard.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads the {@code routes} section: one {@link RouteRule} per entry, each field checked, then conflicts. */
final class RouteRulesReader {

    static final List<String> KEYS = List.of("class", "methods", "path", "form-fields", "headers");
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** RFC 9110 token: a header name the gateway could ever see. */
    private static final Pattern HEADER = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final String CLASSES = Arrays.stream(RouteClass.values())
            .filter(c -> c != RouteClass.PUBLIC).map(RouteClass::id).collect(Collectors.joining(", "));

    private RouteRulesReader() {
    }

    /** @param caseInsensitive the policy's path matching, which decides whether two paths are the same */
    static List<LocatedRule> read(YamlValue routes, boolean caseInsensitive) {
        List<LocatedRule> rules = new ArrayList<>();
        routes.mapping(null).ifPresent(mapping -> {
            if (mapping.isEmpty()) {
                routes.problem("no rules; expected at least one rule (requests no rule matches are public)");
            }
            for (YamlValue entry : mapping.values()) {
                read(entry).ifPresent(rule -> rules.add(new LocatedRule(rule, entry.line())));
            }
        });
        RouteConflicts.report(rules, caseInsensitive, routes.problems());
        return rules;
    }

    private static Optional<RouteRule> read(YamlValue entry) {
        boolean validName = NAME.matcher(entry.name()).matches();
        if (!validName) {
            entry.problem("invalid rule name; expected lower-case letters, digits and '-', starting with a letter or digit");
        }
        Optional<YamlMapping> mapping = entry.mapping(KEYS);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping fields = mapping.get();
        Optional<RouteClass> routeClass = fields.required("class").flatMap(RouteRulesReader::routeClass);
        Optional<Set<String>> methods = fields.required("methods").flatMap(RouteRulesReader::methods);
        Optional<PathTemplate> path = fields.required("path").flatMap(RouteRulesReader::path);
        Optional<Set<String>> formFields = fields.optional("form-fields")
                .map(RouteRulesReader::formFields).orElse(Optional.of(Set.of()));
        Optional<Set<String>> headers = fields.optional("headers")
                .map(RouteRulesReader::headers).orElse(Optional.of(Set.of()));
        if (!validName || routeClass.isEmpty() || methods.isEmpty() || path.isEmpty()
                || formFields.isEmpty() || headers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RouteRule(entry.name(), routeClass.get(), methods.get(), path.get(),
                formFields.get(), headers.get()));
    }

    private static Optional<RouteClass> routeClass(YamlValue value) {
        return value.text("one of: " + CLASSES).flatMap(id -> {
            Optional<RouteClass> found = RouteClass.fromId(id);
            if (found.isEmpty()) {
                value.problem("unknown class '" + id + "'; expected one of: " + CLASSES);
            } else if (found.get() == RouteClass.PUBLIC) {
                value.problem("class 'public' is the default for every request no rule matches;"
                        + " remove the rule, or use one of: " + CLASSES);
                return Optional.empty();
            }
            return found;
        });
    }

    private static Optional<Set<String>> methods(YamlValue value) {
        Optional<Set<String>> methods = names(value, "[POST]", "an HTTP method", name -> {
            String upper = name.toUpperCase(Locale.ROOT);
            return METHODS.contains(upper) ? upper : null;
        }, name -> "unknown method '" + name + "'; expected one of: " + String.join(", ", METHODS));
        if (methods.isPresent() && methods.get().isEmpty()) {
            value.problem("no methods; expected at least one of: " + String.join(", ", METHODS));
            return Optional.empty();
        }
        return methods;
    }

    private static Optional<PathTemplate> path(YamlValue value) {
        return value.parsed("a path starting with '/', like /account/login/", PathTemplate::parse);
    }

    private static Optional<Set<String>> formFields(YamlValue value) {
        return names(value, "[confirm_password]", "a form field name", UnaryOperator.identity(), null);
    }

    private static Optional<Set<String>> headers(YamlValue value) {
        return names(value, "[Authorization]", "a header name",
                name -> HEADER.matcher(name).matches() ? name.toLowerCase(Locale.ROOT) : null,
                name -> "'" + name + "' is not a header name; expected a name like Authorization");
    }

    /**
     * A list of names, each checked: {@code check} returns the stored form or null when the name is invalid,
     * which is then reported with {@code invalid}'s message. Empty when anything was reported.
     */
    private static Optional<Set<String>> names(YamlValue value, String example, String item,
            UnaryOperator<String> check, UnaryOperator<String> invalid) {
        Optional<List<YamlValue>> items = value.list(example);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        Set<String> names = new LinkedHashSet<>();
        boolean valid = true;
        for (YamlValue each : items.get()) {
            Optional<String> text = each.text(item);
            String checked = text.map(check).orElse(null);
            if (text.isPresent() && checked == null) {
                each.problem(invalid.apply(text.get()));
            }
            if (checked == null) {
                valid = false;
            } else {
                names.add(checked);
            }
        }
        return valid ? Optional.of(names) : Optional.empty();
    }
}
