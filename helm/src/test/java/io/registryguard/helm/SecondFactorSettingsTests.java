package io.registryguard.helm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain (non-secret) settings of the second-factor flow: session durations, mail sender, operators' contact. */
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
	void operatorsContactIsSetOnlyWhenGivenSoTheGatewaysDefaultWordingStays() {
		assertThat(HelmChart.render(Values.minimal()).env()).doesNotContainKey("GUARD_OPERATORS_CONTACT");
		assertThat(HelmChart.render(Values.minimal().with("operatorsContact", "security@example.org"))
			.envValue("GUARD_OPERATORS_CONTACT")).isEqualTo("security@example.org");
		SchemaTests.assertRejectedBySchema(Values.minimal().with("operatorsContact", 42), "at '/operatorsContact'");
	}

	@Test
	void mailSenderGoesWithTheSmtpServer() {
		Manifests manifests = HelmChart.render(Values.minimal()
			.with("smtp.host", "smtp.example.org")
			.with("smtp.from", "registry-guard@example.org"));
		assertThat(manifests.envValue("GUARD_MAIL_FROM")).isEqualTo("registry-guard@example.org");
		assertThat(HelmChart.render(Values.minimal().with("smtp.host", "smtp.example.org")).env())
			.doesNotContainKey("GUARD_MAIL_FROM");
		SchemaTests.assertRejectedBySchema(Values.minimal().with("smtp.from", "Registry Guard <guard@example.org>"), "at '/smtp/from'");
		SchemaTests.assertRejectedBySchema(Values.minimal().with("smtp.from", "registry-guard"), "at '/smtp/from'");
	}

	@Test
	void notesWarnThatMailFromLocalhostIsRefused() {
		String warning = "WARNING: smtp.from is empty";
		assertThat(HelmChart.notes(Values.minimal().with("smtp.host", "smtp.example.org"))).contains(warning);
		assertThat(HelmChart.notes(Values.minimal().with("smtp.host", "smtp.example.org").with("smtp.from", "guard@example.org")))
			.doesNotContain(warning);
		// Without a server the louder "no SMTP server" warning says it all.
		assertThat(HelmChart.notes(Values.minimal())).doesNotContain(warning);
	}

	@Test
	void readmeDocumentsEachSetting() throws Exception {
		String readme = java.nio.file.Files.readString(HelmChart.directory().resolve("README.md"));
		assertThat(readme)
			.contains("`session.key` / `session.existingSecret` | `GUARD_SESSION_KEY` |")
			.contains("`emailCodes.key` / `emailCodes.existingSecret` | `GUARD_FACTORS_EMAIL_CODE_KEY` |")
			.contains("`session.lifetime` (default `12h`), `session.pendingTtl` (default `5m`) | `GUARD_SESSION_KEY`, "
					+ "`GUARD_SESSION_LIFETIME`, `GUARD_SESSION_PENDING_TTL` |")
			.contains("`smtp.from` (next to `smtp.host`) | `GUARD_MAIL_FROM` |")
			.contains("`operatorsContact` (empty: \"the registry's operators\") | `GUARD_OPERATORS_CONTACT` |");
	}

}
