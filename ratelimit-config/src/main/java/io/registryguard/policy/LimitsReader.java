package io.registryguard.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads the {@code limits} section: one {@link Limit} per entry, each field checked. */
final class LimitsReader {

    static final List<String> KEYS = List.of("applies-to", "key", "counts", "bandwidths", "on-store-failure");
    /** Route classes that can be limited, then actions. {@code public} never is: its path makes no store call. */
    static final List<String> TARGETS = Stream.concat(
            Arrays.stream(RouteClass.values()).filter(c -> c != RouteClass.PUBLIC).map(RouteClass::id),
            Stream.of(Limit.EMAIL_CODE)).toList();
    static final Limit.OnStoreFailure DEFAULT_ON_STORE_FAILURE = Limit.OnStoreFailure.LOCAL;
    /** Longer periods gain nothing over a day-scale limit and would overflow the buckets' nanosecond clocks. */
    static final Duration MAX_PERIOD = Duration.ofDays(365);

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final String KEY_KINDS = Arrays.stream(Limit.Key.values()).map(Limit.Key::id)
            .collect(Collectors.joining(", "));

    private LimitsReader() {
    }

    static List<Limit> read(YamlValue limits) {
        List<Limit> read = new ArrayList<>();
        limits.mapping(null).ifPresent(mapping -> {
            for (YamlValue entry : mapping.values()) {
                limit(entry).ifPresent(read::add);
            }
        });
        return read;
    }

    private static Optional<Limit> limit(YamlValue entry) {
        boolean validName = NAME.matcher(entry.name()).matches();
        if (!validName) {
            entry.problem("invalid limit name; expected lower-case letters, digits and '-', starting with a letter or digit");
        }
        Optional<YamlMapping> mapping = entry.mapping(KEYS);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping fields = mapping.get();
        Optional<Set<String>> appliesTo = fields.required("applies-to").flatMap(LimitsReader::appliesTo);
        Optional<Limit.Key> key = fields.required("key")
                .flatMap(v -> choice(v, "key kind", "one of: " + KEY_KINDS, Limit.Key::fromId));
        Optional<Limit.Counts> counts = fields.required("counts").flatMap(v -> choice(v, "count",
                "failures (failed outcomes only) or attempts (every attempt let through)", Limit.Counts::fromId));
        Optional<List<Rate>> bandwidths = fields.required("bandwidths").flatMap(LimitsReader::bandwidths);
        Optional<Limit.OnStoreFailure> onStoreFailure = fields.optional("on-store-failure")
                .map(v -> choice(v, "mode", "local (count in this instance's memory), open (let attempts through)"
                        + " or closed (refuse them)", Limit.OnStoreFailure::fromId))
                .orElse(Optional.of(DEFAULT_ON_STORE_FAILURE));
        if (counts.orElse(null) == Limit.Counts.FAILURES && appliesTo.orElse(Set.of()).contains(Limit.EMAIL_CODE)) {
            fields.optional("counts").ifPresent(v -> v.problem("sending an email code has no failed outcome;"
                    + " expected counts: attempts (in a limit of its own if other targets count failures)"));
            return Optional.empty();
        }
        if (!validName || appliesTo.isEmpty() || key.isEmpty() || counts.isEmpty() || bandwidths.isEmpty()
                || onStoreFailure.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Limit(entry.name(), appliesTo.get(), key.get(), counts.get(), bandwidths.get(),
                onStoreFailure.get()));
    }

    private static Optional<Set<String>> appliesTo(YamlValue value) {
        Optional<List<YamlValue>> items = value.list("[login]");
        if (items.isEmpty()) {
            return Optional.empty();
        }
        String expected = String.join(", ", TARGETS);
        Set<String> targets = new LinkedHashSet<>();
        boolean valid = true;
        for (YamlValue item : items.get()) {
            Optional<String> target = item.text("a route class or action");
            if (target.isPresent() && TARGETS.contains(target.get())) {
                targets.add(target.get());
                continue;
            }
            valid = false;
            if (target.isPresent() && target.get().equals(RouteClass.PUBLIC.id())) {
                item.problem("class 'public' is never rate-limited (its requests make no store call);"
                        + " expected one of: " + expected);
            } else if (target.isPresent()) {
                item.problem("unknown route class or action '" + target.get() + "'; expected one of: " + expected);
            }
        }
        if (valid && targets.isEmpty()) {
            value.problem("applies to nothing; expected at least one of: " + expected);
            return Optional.empty();
        }
        return valid ? Optional.of(targets) : Optional.empty();
    }

    private static Optional<List<Rate>> bandwidths(YamlValue value) {
        Optional<List<YamlValue>> items = value.list("[10 per 5m]");
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<Rate> rates = new ArrayList<>();
        Map<Duration, Rate> byPeriod = new HashMap<>();
        boolean valid = true;
        for (YamlValue item : items.get()) {
            Optional<Rate> rate = item.parsed(Rate.EXPECTED, Rate::parse);
            if (rate.isPresent() && rate.get().period().compareTo(MAX_PERIOD) > 0) {
                item.problem("'" + rate.get() + "' has a period longer than " + DurationParser.format(MAX_PERIOD)
                        + "; expected a period up to " + DurationParser.format(MAX_PERIOD));
                rate = Optional.empty();
            }
            if (rate.isPresent() && byPeriod.containsKey(rate.get().period())) {
                item.problem("'" + rate.get() + "' has the same period as '" + byPeriod.get(rate.get().period())
                        + "'; expected one bandwidth per period (keep the smaller count)");
                rate = Optional.empty();
            }
            rate.ifPresent(r -> {
                byPeriod.put(r.period(), r);
                rates.add(r);
            });
            valid &= rate.isPresent();
        }
        if (valid && rates.isEmpty()) {
            value.problem("no bandwidths; expected at least one like [10 per 5m]");
            return Optional.empty();
        }
        return valid ? Optional.of(rates) : Optional.empty();
    }

    /** A value from a fixed set: {@code what} names it in "unknown ...", {@code expected} lists the set. */
    private static <T> Optional<T> choice(YamlValue value, String what, String expected,
            Function<String, Optional<T>> fromId) {
        return value.text(expected).flatMap(text -> {
            Optional<T> found = fromId.apply(text);
            if (found.isEmpty()) {
                value.problem("unknown " + what + " '" + text + "'; expected " + expected);
            }
            return found;
        });
    }
}
