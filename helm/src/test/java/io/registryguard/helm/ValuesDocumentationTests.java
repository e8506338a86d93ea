package io.registryguard.helm;

import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/** values.yaml is the operator's manual: every key the chart owns carries a comment. */
class ValuesDocumentationTests {

	/** Kubernetes objects passed through as they are; their own fields are Kubernetes' to document. */
	private static final Set<String> PASS_THROUGH = Set.of("podSecurityContext", "securityContext", "resources",
			"redis.bundled.resources");

	private static final Pattern KEY_LINE = Pattern.compile("^( *)([A-Za-z0-9_.\\-/]+):(\\s.*)?$");

	@Test
	void everyKeyHasACommentAboveIt() throws Exception {
		List<String> lines = Files.readAllLines(HelmChart.directory().resolve("values.yaml"));
		Map<String, Boolean> commented = commentedKeys(lines);
		List<String> keys = new ArrayList<>();
		collectKeys(new Yaml().load(String.join("\n", lines)), "", keys);
		assertThat(keys).hasSizeGreaterThan(50);
		assertThat(keys).as("keys without a comment above them")
			.filteredOn((key) -> !Boolean.TRUE.equals(commented.get(key)))
			.isEmpty();
	}

	/** Dotted path of each key line (list items skipped) and whether a comment line directly precedes it. */
	private static Map<String, Boolean> commentedKeys(List<String> lines) {
		Map<String, Boolean> commented = new LinkedHashMap<>();
		Deque<Map.Entry<Integer, String>> parents = new ArrayDeque<>();
		String previous = "";
		for (String line : lines) {
			Matcher key = KEY_LINE.matcher(line);
			if (key.matches()) {
				int indent = key.group(1).length();
				while (!parents.isEmpty() && parents.peek().getKey() >= indent) {
					parents.pop();
				}
				StringBuilder path = new StringBuilder();
				parents.descendingIterator().forEachRemaining((parent) -> path.append(parent.getValue()).append('.'));
				path.append(key.group(2));
				commented.putIfAbsent(path.toString(), previous.trim().startsWith("#"));
				parents.push(Map.entry(indent, key.group(2)));
			}
			if (!line.isBlank()) {
				previous = line;
			}
		}
		return commented;
	}

	@SuppressWarnings("unchecked")
	private static void collectKeys(Map<String, Object> map, String prefix, List<String> keys) {
		map.forEach((name, value) -> {
			String path = prefix + name;
			keys.add(path);
			if (value instanceof Map<?, ?> nested && !PASS_THROUGH.contains(path)) {
				collectKeys((Map<String, Object>) nested, path + ".", keys);
			}
		});
	}

}
