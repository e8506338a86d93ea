package io.registryguard.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One value of the policy file together with its key path ({@code routes.login.path}) and line. The typed
 * reads never throw: a value of the wrong shape is recorded in {@link Problems} and the read returns empty,
 * so that reading goes on and every mistake in the file is reported together.
 */
final class YamlValue {

    private final Node node;
    private final String key;
    private final String name;
    private final int line;
    private final Problems problems;

    private YamlValue(Node node, String key, String name, int line, Problems problems) {
        this.node = node;
        this.key = key;
        this.name = name;
        this.line = line;
        this.problems = problems;
    }

    static YamlValue root(Node node, Problems problems) {
        return new YamlValue(node, "", "", lineOf(node), problems);
    }

    /** The value of {@code name} in a mapping; its line is the key's line, where an operator looks. */
    YamlValue entry(String name, Node keyNode, Node valueNode) {
        return new YamlValue(valueNode, key.isEmpty() ? name : key + "." + name, name, lineOf(keyNode), problems);
    }

    private YamlValue item(Node itemNode) {
        return new YamlValue(itemNode, key, name, lineOf(itemNode), problems);
    }

    /** The dotted key path, empty for the top of the file. */
    String key() {
        return key;
    }

    /** The last segment of the key path: the key as written in the file. */
    String name() {
        return name;
    }

    int line() {
        return line;
    }

    Problems problems() {
        return problems;
    }

    void problem(String message) {
        problems.add(line, key, message);
    }

    /** A non-empty text value (numbers and booleans are read as written). */
    Optional<String> text(String expected) {
        if (node instanceof ScalarNode scalar && !isNull()) {
            String value = scalar.getValue().strip();
            if (!value.isEmpty()) {
                return Optional.of(value);
            }
        }
        problem(isNull() || node instanceof ScalarNode ? "empty value; expected " + expected
                : "expected " + expected + ", found " + describe());
        return Optional.empty();
    }

    /** A text value turned into {@code T} by a parser whose IllegalArgumentException message says what was expected. */
    <T> Optional<T> parsed(String expected, Function<String, T> parser) {
        return text(expected).flatMap(value -> {
            try {
                return Optional.of(parser.apply(value));
            } catch (IllegalArgumentException e) {
                problem(e.getMessage());
                return Optional.empty();
            }
        });
    }

    Optional<Boolean> bool() {
        return text("true or false").flatMap(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                problem("'" + value + "' is not a boolean; expected true or false");
                yield Optional.empty();
            }
        });
    }

    /** A list; {@code example} shows the expected form in the message, like {@code [POST]}. */
    Optional<List<YamlValue>> list(String example) {
        if (node instanceof SequenceNode sequence) {
            List<YamlValue> items = new ArrayList<>();
            for (Node itemNode : sequence.getValue()) {
                items.add(item(itemNode));
            }
            return Optional.of(items);
        }
        problem("expected a list like " + example + ", found " + describe());
        return Optional.empty();
    }

    /**
     * A mapping whose keys must be among {@code allowedKeys} (in the order the message lists them), or any
     * keys when {@code allowedKeys} is null. Unknown, duplicate and non-text keys are reported here.
     */
    Optional<YamlMapping> mapping(List<String> allowedKeys) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(YamlMapping.of(this, mapping, allowedKeys));
        }
        problem("expected a mapping" + (allowedKeys == null ? "" : " with keys " + String.join(", ", allowedKeys))
                + ", found " + describe());
        return Optional.empty();
    }

    /** Nothing, or an empty text ({@code ""}): how a policy writes "none" for an optional name or path. */
    boolean isBlank() {
        return isNull() || node instanceof ScalarNode scalar && scalar.getValue().isEmpty();
    }

    private boolean isNull() {
        return node.getTag().equals(Tag.NULL);
    }

    /** How the value looks, for "expected X, found Y". */
    String describe() {
        if (isNull()) {
            return "nothing";
        }
        if (node instanceof ScalarNode scalar) {
            return "'" + scalar.getValue() + "'";
        }
        return node instanceof SequenceNode ? "a list" : "a mapping";
    }

    private static int lineOf(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
