package io.registryguard.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart under test, driven through helm-java (Helm as a native library). Renders are
 * client-only: no cluster, so {@code lookup} returns nothing, as under {@code helm template}.
 */
final class HelmChart {

	static final String RELEASE = "guard";

	static final String NAMESPACE = "registry";

	/** The one value the chart cannot default: the registry behind the gateway. */
	/** helm-java's library reports Kubernetes v1.20 unless told; the chart needs 1.25+. */
	static final String KUBE_VERSION = "1.31.0";

	static final String UPSTREAM = "http://warehouse.registry.svc:8080";

	private static final Path CHART = Path.of("registry-guard").toAbsolutePath();

	private HelmChart() {
	}

	static Path directory() {
		return CHART;
	}

	static Manifests render(Values values) {
		FakeKubernetesApi.ensureStarted();
		String output = new Helm(CHART).template()
			.withName(RELEASE)
			.withNamespace(NAMESPACE)
			.withKubeVersion(KUBE_VERSION)
			.withValuesFile(valuesFile(values))
			.call();
		return Manifests.parse(output);
	}

	/** Renders and returns the release notes (NOTES.txt) of a client-only dry-run install. */
	static String notes(Values values) {
		String output = new Helm(CHART).install()
			.withName(RELEASE)
			.withNamespace(NAMESPACE)
			.withKubeVersion(KUBE_VERSION)
			.withValuesFile(valuesFile(values))
			.dryRun()
			.withDryRunOption(DryRun.CLIENT)
			.clientOnly()
			.call()
			.getOutput();
		int notes = output.indexOf("NOTES:");
		if (notes < 0) {
			throw new AssertionError("No NOTES in the install output:\n" + output);
		}
		return output.substring(notes);
	}

	static LintResult lintStrict() {
		return lintStrict(CHART);
	}

	static LintResult lintStrict(Path chart) {
		return new Helm(chart).lint().strict().call();
	}

	private static Path valuesFile(Values values) {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		try {
			Path file = Files.createTempFile("registry-guard-values", ".yaml");
			file.toFile().deleteOnExit();
			Files.writeString(file, new Yaml(options).dump(values.toMap()));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
