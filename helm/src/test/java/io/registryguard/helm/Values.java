package io.registryguard.helm;

import java.util.LinkedHashMap;
import java.util.Map;

/** Values for one render, set by dotted path: {@code Values.minimal().with("redis.mode", "bundled")}. */
final class Values {

	private final Map<String, Object> root = new LinkedHashMap<>();

	private Values() {
	}

	/** Only the required upstream URL: everything else is the chart's default. */
	static Values minimal() {
		return empty().with("upstream.url", HelmChart.UPSTREAM);
	}

	static Values empty() {
		return new Values();
	}

	@SuppressWarnings("unchecked")
	Values with(String path, Object value) {
		String[] segments = path.split("\\.");
		Map<String, Object> current = this.root;
		for (int i = 0; i < segments.length - 1; i++) {
			current = (Map<String, Object>) current.computeIfAbsent(segments[i], (key) -> new LinkedHashMap<>());
		}
		current.put(segments[segments.length - 1], value);
		return this;
	}

	Map<String, Object> toMap() {
		return this.root;
	}

}
