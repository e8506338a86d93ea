package io.registryguard.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.registryguard.policy.risk.RiskPolicy;
import org.yaml.snakeyaml.nodes.Node;

/** Turns the composed YAML tree into a {@link Policy}, reporting every problem before giving up. */
final class PolicyReader {

    static final List<String> TOP_KEYS = List.of("version", "paths", "body", "routes", "limits", "subnets",
            "logins", "frozen-accounts", "step-up", "sequence-rules", "risk", "accounts");
    static final List<String> PATHS_KEYS = List.of("case-insensitive");
    static final List<String> BODY_KEYS = List.of("form-max-size");
    static final List<String> SUBNETS_KEYS = List.of("ipv4-prefix", "ipv6-prefix");

    /** Safe default: a variant in another case is never less protected than the canonical path. */
    static final boolean DEFAULT_CASE_INSENSITIVE = true;
    static final int DEFAULT_FORM_MAX_BYTES = 64 * ByteSizeParser.KIB;
    static final int MIN_FORM_BYTES = ByteSizeParser.KIB;
    static final int MAX_FORM_BYTES = 16 * ByteSizeParser.MIB;

    private PolicyReader() {
    }

    static Policy read(String source, String sha256, Node root, Problems problems) {
        YamlValue top = YamlValue.root(root, problems);
        Optional<YamlMapping> mapping = top.mapping(TOP_KEYS);
        if (mapping.isEmpty()) {
            problems.throwIfAny(); // the wrong type is reported; nothing else can be read
        }
        YamlMapping sections = mapping.get();
        Optional<String> version = sections.required("version").flatMap(v -> v.text("a label like warehouse-1"));
        boolean caseInsensitive = sections.optional("paths").map(PolicyReader::caseInsensitive)
                .orElse(DEFAULT_CASE_INSENSITIVE);
        int formMaxBytes = sections.optional("body").map(PolicyReader::formMaxBytes).orElse(DEFAULT_FORM_MAX_BYTES);
        List<LocatedRule> rules = sections.required("routes")
                .map(routes -> RouteRulesReader.read(routes, caseInsensitive)).orElse(List.of());
        // Safe default: a file written without a limits section still runs the built-in limits.
        List<Limit> limits = sections.optional("limits").map(LimitsReader::read)
                .orElseGet(() -> PolicyLoader.loadDefault().limits());
        Subnets subnets = sections.optional("subnets").map(PolicyReader::subnets).orElse(Subnets.DEFAULT);
        AccountNames accounts = sections.optional("accounts").map(AccountsReader::read).orElse(AccountNames.DEFAULT);
        Map<String, LoginRule> logins = sections.optional("logins").map(l -> LoginsReader.read(l, rules))
                .orElse(Map.of());
        java.util.Set<String> frozen = sections.optional("frozen-accounts").map(v -> frozen(v, accounts))
                .orElse(java.util.Set.of());
        StepUpRule.Settings stepUp = sections.optional("step-up").map(v -> StepUpReader.read(v, rules))
                .orElse(StepUpRule.Settings.DEFAULT);
        SequencePolicy sequenceRules = sections.optional("sequence-rules").map(SequenceRulesReader::read)
                .orElse(SequencePolicy.DEFAULTS);
        RiskPolicy risk = sections.optional("risk").map(RiskReader::read).orElse(RiskPolicy.DEFAULTS);
        problems.throwIfAny();
        return new Policy(version.orElseThrow(), sha256, source, new Policy.Normalization(caseInsensitive),
                new Policy.BodyLimits(formMaxBytes), rules.stream().map(LocatedRule::rule).toList(), limits, subnets,
                logins, frozen, stepUp, sequenceRules, risk, accounts);
    }

    private static java.util.Set<String> frozen(YamlValue value, AccountNames names) {
        java.util.Set<String> accounts = new java.util.LinkedHashSet<>();
        value.list("[mallory]").ifPresent(items -> {
            for (YamlValue item : items) {
                item.text("an account name").ifPresent(name -> names.canonical(name).ifPresentOrElse(accounts::add,
                        () -> item.problem("'" + name + "' is not an account name: it has control characters")));
            }
        });
        return accounts;
    }

    private static Subnets subnets(YamlValue subnets) {
        Optional<YamlMapping> mapping = subnets.mapping(SUBNETS_KEYS);
        int ipv4 = mapping.flatMap(m -> m.optional("ipv4-prefix"))
                .flatMap(v -> prefix(v, Subnets.MIN_IPV4, 32)).orElse(Subnets.DEFAULT.ipv4Prefix());
        int ipv6 = mapping.flatMap(m -> m.optional("ipv6-prefix"))
                .flatMap(v -> prefix(v, Subnets.MIN_IPV6, 128)).orElse(Subnets.DEFAULT.ipv6Prefix());
        return new Subnets(ipv4, ipv6);
    }

    private static Optional<Integer> prefix(YamlValue value, int min, int max) {
        String expected = "a prefix length from " + min + " to " + max;
        return value.parsed(expected, text -> {
            if (!text.matches("\\d{1,3}") || Integer.parseInt(text) < min || Integer.parseInt(text) > max) {
                throw new IllegalArgumentException("'" + text + "' is not a prefix length; expected " + expected);
            }
            return Integer.parseInt(text);
        });
    }

    private static boolean caseInsensitive(YamlValue paths) {
        return paths.mapping(PATHS_KEYS)
                .flatMap(m -> m.optional("case-insensitive"))
                .flatMap(YamlValue::bool)
                .orElse(DEFAULT_CASE_INSENSITIVE);
    }

    private static int formMaxBytes(YamlValue body) {
        return body.mapping(BODY_KEYS)
                .flatMap(m -> m.optional("form-max-size"))
                .flatMap(v -> v.parsed("a size like 64KiB", text -> ByteSizeParser.parse(text, MIN_FORM_BYTES, MAX_FORM_BYTES)))
                .orElse(DEFAULT_FORM_MAX_BYTES);
    }
}
