package io.registryguard.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A mapping of the policy file, checked for unknown, duplicate and non-text keys when it is built. SnakeYAML's
 * composer keeps both entries of a duplicated key; the first one counts and the second is reported, because
 * silently taking either would run a policy the operator did not read.
 */
final class YamlMapping {

    private final YamlValue self;
    private final Map<String, YamlValue> entries;

    private YamlMapping(YamlValue self, Map<String, YamlValue> entries) {
        this.self = self;
        this.entries = entries;
    }

    static YamlMapping of(YamlValue self, MappingNode node, List<String> allowedKeys) {
        Map<String, YamlValue> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                self.problems().add(tuple.getKeyNode().getStartMark().getLine() + 1, self.key(),
                        "a key is a list or a mapping; expected text keys");
                continue;
            }
            YamlValue value = self.entry(keyNode.getValue(), keyNode, tuple.getValueNode());
            YamlValue first = entries.get(keyNode.getValue());
            if (first != null) {
                value.problem("duplicate key; first defined at line " + first.line());
            } else if (allowedKeys != null && !allowedKeys.contains(keyNode.getValue())) {
                value.problem("unknown key; expected one of: " + String.join(", ", allowedKeys));
            } else {
                entries.put(keyNode.getValue(), value);
            }
        }
        return new YamlMapping(self, entries);
    }

    Optional<YamlValue> optional(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** The entry, or empty after reporting it missing at the line of the mapping's own key. */
    Optional<YamlValue> required(String name) {
        YamlValue value = entries.get(name);
        if (value == null) {
            self.problems().add(self.line(), self.key(), "missing required key '" + name + "'");
        }
        return Optional.ofNullable(value);
    }

    /** The entries in file order (without the reported duplicates). */
    List<YamlValue> values() {
        return new ArrayList<>(entries.values());
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }
}
