package io.registryguard.helm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The objects of one render, parsed, with the look-ups the tests share. */
final class Manifests {

	private final List<Map<String, Object>> objects;

	private Manifests(List<Map<String, Object>> objects) {
		this.objects = objects;
	}

	@SuppressWarnings("unchecked")
	static Manifests parse(String output) {
		List<Map<String, Object>> objects = new ArrayList<>();
		LoaderOptions options = new LoaderOptions();
		// A key written twice (say, a label from two helpers) is a template bug, not a tolerable warning.
		options.setAllowDuplicateKeys(false);
		for (Object document : new Yaml(options).loadAll(output)) {
			if (document != null) {
				objects.add((Map<String, Object>) document);
			}
		}
		return new Manifests(objects);
	}

	List<Map<String, Object>> all() {
		return this.objects;
	}

	List<Map<String, Object>> ofKind(String kind) {
		return this.objects.stream().filter((object) -> kind.equals(object.get("kind"))).toList();
	}

	Optional<Map<String, Object>> find(String kind, String name) {
		return ofKind(kind).stream().filter((object) -> name.equals(at(object, "metadata.name"))).findFirst();
	}

	Map<String, Object> get(String kind, String name) {
		return find(kind, name).orElseThrow(() -> new AssertionError("No " + kind + " " + name + " in " + names()));
	}

	List<String> names() {
		return this.objects.stream().map((object) -> object.get("kind") + "/" + at(object, "metadata.name")).toList();
	}

	Map<String, Object> deployment() {
		return get("Deployment", "guard-registry-guard");
	}

	Map<String, Object> podSpec() {
		return at(deployment(), "spec.template.spec");
	}

	Map<String, Object> gateway() {
		List<Map<String, Object>> containers = at(podSpec(), "containers");
		return containers.stream()
			.filter((container) -> "gateway".equals(container.get("name")))
			.findFirst()
			.orElseThrow();
	}

	/** The gateway's env entries by name (each the whole EnvVar: value or valueFrom). */
	Map<String, Map<String, Object>> env() {
		List<Map<String, Object>> env = at(gateway(), "env");
		Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
		env.forEach((entry) -> byName.put((String) entry.get("name"), entry));
		return byName;
	}

	/** The plain value of an env var, or null when it is absent or comes from a source. */
	String envValue(String name) {
		Map<String, Object> entry = env().get(name);
		return (entry != null) ? (String) entry.get("value") : null;
	}

	Map<String, Object> volume(String name) {
		List<Map<String, Object>> volumes = at(podSpec(), "volumes");
		return volumes.stream()
			.filter((volume) -> name.equals(volume.get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No volume " + name + " in " + volumes));
	}

	Map<String, Object> volumeMount(String name) {
		List<Map<String, Object>> mounts = at(gateway(), "volumeMounts");
		return mounts.stream()
			.filter((mount) -> name.equals(mount.get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No volumeMount " + name + " in " + mounts));
	}

	Map<String, String> podAnnotations() {
		return at(deployment(), "spec.template.metadata.annotations");
	}

	/** Dotted path into nested maps; a segment that is a number indexes a list. */
	@SuppressWarnings("unchecked")
	static <T> T at(Object root, String path) {
		Object current = root;
		for (String segment : path.split("\\.")) {
			if (current instanceof Map<?, ?> map) {
				current = map.get(segment);
			}
			else if (current instanceof List<?> list && segment.chars().allMatch(Character::isDigit)) {
				current = list.get(Integer.parseInt(segment));
			}
			else {
				return null;
			}
			if (current == null) {
				return null;
			}
		}
		return (T) current;
	}

	/** A Secret's data, decoded. */
	static Map<String, String> secretData(Map<String, Object> secret) {
		Map<String, String> data = at(secret, "data");
		Map<String, String> decoded = new LinkedHashMap<>();
		if (data != null) {
			data.forEach((key, value) -> decoded.put(key,
					new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
		}
		return decoded;
	}

	static String secretRefName(Map<String, Object> envVar) {
		return Objects.requireNonNull(at(envVar, "valueFrom.secretKeyRef.name"), () -> "not from a Secret: " + envVar);
	}

}
