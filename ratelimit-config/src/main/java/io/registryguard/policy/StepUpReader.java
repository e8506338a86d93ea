package io.registryguard.policy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code step-up} section: defaults and per-route requirements of sensitive routes. */
final class StepUpReader {

    static final List<String> KEYS = List.of("defaults", "routes");
    static final List<String> RULE_KEYS = List.of("max-age", "acr", "single-use");

    private StepUpReader() {
    }

    static StepUpRule.Settings read(YamlValue section, List<LocatedRule> rules) {
        Optional<YamlMapping> mapping = section.mapping(KEYS);
        if (mapping.isEmpty()) {
            return StepUpRule.Settings.DEFAULT;
        }
        StepUpRule defaults = mapping.get().optional("defaults").flatMap(v -> rule(v, StepUpRule.DEFAULT))
                .orElse(StepUpRule.DEFAULT);
        Map<String, StepUpRule> routes = new LinkedHashMap<>();
        mapping.get().optional("routes").flatMap(v -> v.mapping(null)).ifPresent(entries -> {
            for (YamlValue entry : entries.values()) {
                Optional<RouteRule> route = rules.stream().map(LocatedRule::rule)
                        .filter(r -> r.name().equals(entry.name())).findFirst();
                if (route.isEmpty()) {
                    entry.problem("no route named '" + entry.name() + "'; expected the name of a sensitive route");
                } else if (route.get().routeClass() != RouteClass.SENSITIVE
                        && route.get().routeClass() != RouteClass.MFA_ENROLLMENT) {
                    entry.problem("route '" + entry.name() + "' is class " + route.get().routeClass()
                            + "; expected a sensitive or mfa-enrollment route");
                }
                rule(entry, defaults).ifPresent(r -> routes.put(entry.name(), r));
            }
        });
        return new StepUpRule.Settings(defaults, routes);
    }

    /** A rule; keys left out inherit from {@code base}. */
    private static Optional<StepUpRule> rule(YamlValue value, StepUpRule base) {
        Optional<YamlMapping> mapping = value.mapping(RULE_KEYS);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping fields = mapping.get();
        Duration maxAge = fields.optional("max-age")
                .map(v -> v.parsed("a duration like 5m (0s: for this action only)", DurationParser::parseAllowingZero))
                .orElse(Optional.of(base.maxAge())).orElse(null);
        Set<String> acr = fields.optional("acr").map(StepUpReader::acr).orElse(Optional.of(base.acr())).orElse(null);
        boolean singleUse = fields.optional("single-use").flatMap(YamlValue::bool).orElse(base.singleUse());
        if (maxAge == null || acr == null) {
            return Optional.empty();
        }
        if (maxAge.isZero() && !singleUse) {
            value.problem("max-age 0s means the factor is proven for this very action; expected single-use: true"
                    + " with it");
            return Optional.empty();
        }
        return Optional.of(new StepUpRule(maxAge, acr, singleUse));
    }

    private static Optional<Set<String>> acr(YamlValue value) {
        Optional<List<YamlValue>> items = value.list("[otp, hwk]");
        if (items.isEmpty()) {
            return Optional.empty();
        }
        Set<String> acr = new LinkedHashSet<>();
        for (YamlValue item : items.get()) {
            Optional<String> text = item.text("otp, hwk or email");
            if (text.isEmpty()) {
                return Optional.empty();
            }
            if (!StepUpRule.KNOWN_ACR.contains(text.get())) {
                item.problem("unknown factor kind '" + text.get() + "'; expected otp (an authenticator code), hwk"
                        + " (a security key) or email (an emailed code)");
                return Optional.empty();
            }
            acr.add(text.get());
        }
        if (acr.isEmpty()) {
            value.problem("empty list; expected at least one of otp, hwk, email");
            return Optional.empty();
        }
        return Optional.of(acr);
    }
}
