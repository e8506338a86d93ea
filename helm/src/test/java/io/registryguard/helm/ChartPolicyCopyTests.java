package io.registryguard.helm;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One policy, two places: the chart ships a copy of the gateway's built-in default, byte for byte. */
class ChartPolicyCopyTests {

	static final Path GATEWAY_POLICY = Path
		.of("../ratelimit-config/src/main/resources/io/registryguard/policy/policy.yaml");

	static final Path CHART_POLICY = HelmChart.directory().resolve("files/policy.yaml");

	@Test
	void chartCopyIsByteIdenticalToTheGatewaysDefaultPolicy() throws Exception {
		Assumptions.assumeTrue(Files.exists(GATEWAY_POLICY), () -> "Skipped: " + GATEWAY_POLICY.normalize()
				+ " does not exist yet, so there is nothing to compare the chart's copy with."
				+ " Once it exists, copy it to helm/registry-guard/files/policy.yaml.");
		assertThat(Files.readAllBytes(CHART_POLICY))
			.as("helm/registry-guard/files/policy.yaml differs from %s: copy it over", GATEWAY_POLICY.normalize())
			.isEqualTo(Files.readAllBytes(GATEWAY_POLICY));
	}

}
