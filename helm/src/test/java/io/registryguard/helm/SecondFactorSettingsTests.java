package io.registryguard.helm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain (non-secret) settings of the second-factor flow: session durations. */
class SecondFactorSettingsTests {

	@Test
	void sessionDurationsDefaultToTheGatewaysAndCanBeSet() {
		Manifests defaults = HelmChart.render(Values.minimal());
		assertThat(defaults.envValue("GUARD_SESSION_LIFETIME")).isEqualTo("12h");
		assertThat(defaults.envValue("GUARD_SESSION_PENDING_TTL")).isEqualTo("5m");
		Manifests set = HelmChart.render(Values.minimal().with("session.lifetime", "1d").with("session.pendingTtl", "90s"));
		assertThat(set.envValue("GUARD_SESSION_LIFETIME")).isEqualTo("1d");
		assertThat(set.envValue("GUARD_SESSION_PENDING_TTL")).isEqualTo("90s");
	}

	@Test
	void sessionDurationsMustBeWholeDurations() {
		SchemaTests.assertRejectedBySchema(Values.minimal().with("session.lifetime", "12 hours"), "at '/session/lifetime'");
		SchemaTests.assertRejectedBySchema(Values.minimal().with("session.lifetime", 12), "at '/session/lifetime'");
		SchemaTests.assertRejectedBySchema(Values.minimal().with("session.pendingTtl", "5min"), "at '/session/pendingTtl'");
		// Nobody could ever finish a login.
		SchemaTests.assertRejectedBySchema(Values.minimal().with("session.pendingTtl", "0s"), "at '/session/pendingTtl'");
		SchemaTests.assertRejectedBySchema(Values.minimal().with("session.lifetme", "12h"), "additional properties 'lifetme' not allowed");
	}

	@Test
	void readmeDocumentsEachSetting() throws Exception {
		String readme = java.nio.file.Files.readString(HelmChart.directory().resolve("README.md"));
		assertThat(readme)
			.contains("`session.key` / `session.existingSecret` | `GUARD_SESSION_KEY` |")
			.contains("`emailCodes.key` / `emailCodes.existingSecret` | `GUARD_FACTORS_EMAIL_CODE_KEY` |")
			.contains("`session.lifetime` (default `12h`), `session.pendingTtl` (default `5m`) | `GUARD_SESSION_KEY`, "
					+ "`GUARD_SESSION_LIFETIME`, `GUARD_SESSION_PENDING_TTL` |");
	}

}
