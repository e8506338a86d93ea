package io.registryguard.helm;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChartLintTests {

	@Test
	void lintInStrictModePassesWithoutWarnings() {
		LintResult result = HelmChart.lintStrict();
		assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
		assertThat(result.getMessages()).noneMatch((message) -> message.startsWith("[WARNING]"))
			.noneMatch((message) -> message.startsWith("[ERROR]"));
	}

}
