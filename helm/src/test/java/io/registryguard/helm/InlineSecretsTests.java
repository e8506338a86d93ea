package io.registryguard.helm;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Secret material given in values lands in chart-owned Secrets, never in ConfigMaps or plain env. */
class InlineSecretsTests {

	private static final String JWKS = "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"step-up-1\",\"crv\":\"P-256\",\"d\":\"private-part\"}]}";

	/** The gateway's format; the key is base64 of the 32 bytes "factor-key-material-32-bytes-ok!". */
	private static final String FACTOR_KEYS = "{\"keys\":[{\"kid\":\"2026-01\",\"key\":\"ZmFjdG9yLWtleS1tYXRlcmlhbC0zMi1ieXRlcy1vayE=\",\"primary\":true}]}";

	private static final String SESSION_KEY = "c2Vzc2lvbi1rZXktZnJvbS12YWx1ZXMtMzItYnl0ZXMhIQ==";

	private static final String EMAIL_CODE_KEY = "ZW1haWwtY29kZS1rZXktZnJvbS12YWx1ZXMtMzItYnl0ZXM=";

	private static final String DEVICE_KEY = "dYH6ZT1hka7LQ7vcj0hHJ/gf0kxp5hxci9dsSpxdh6Y=";

	private static Manifests manifests;

	@BeforeAll
	static void render() {
		manifests = HelmChart.render(Values.minimal()
			.with("admin.token", "admin-token-from-values")
			.with("deviceCookie.key", DEVICE_KEY)
			.with("session.key", SESSION_KEY)
			.with("emailCodes.key", EMAIL_CODE_KEY)
			.with("stepUp.jwks", JWKS)
			.with("factorEncryption.keys", FACTOR_KEYS)
			.with("smtp.host", "smtp.example.org")
			.with("smtp.password", "smtp-password-from-values")
			.with("tls.certificate", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
			.with("tls.privateKey", "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n"));
	}

	@Test
	void eachValueIsStoredInItsOwnSecret() {
		assertThat(data("guard-registry-guard-admin")).containsExactly(Map.entry("token", "admin-token-from-values"));
		assertThat(data("guard-registry-guard-device-cookie")).containsExactly(Map.entry("key", DEVICE_KEY));
		assertThat(data("guard-registry-guard-session")).containsExactly(Map.entry("key", SESSION_KEY));
		assertThat(data("guard-registry-guard-email-codes")).containsExactly(Map.entry("key", EMAIL_CODE_KEY));
		assertThat(data("guard-registry-guard-stepup")).containsExactly(Map.entry("jwks.json", JWKS));
		assertThat(data("guard-registry-guard-factors")).containsExactly(Map.entry("keys.json", FACTOR_KEYS));
		assertThat(data("guard-registry-guard-smtp")).containsExactly(Map.entry("password", "smtp-password-from-values"));
		assertThat(data("guard-registry-guard-tls")).containsKeys("tls.crt", "tls.key")
			.containsEntry("tls.key", "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n");
	}

	@Test
	void podsReadThemFromThoseSecrets() {
		assertThat(Manifests.secretRefName(manifests.env().get("SPRING_MAIL_PASSWORD"))).isEqualTo("guard-registry-guard-smtp");
		assertThat(Manifests.secretRefName(manifests.env().get("GUARD_DEVICE_COOKIE_KEY")))
			.isEqualTo("guard-registry-guard-device-cookie");
		assertThat(Manifests.secretRefName(manifests.env().get("GUARD_SESSION_KEY"))).isEqualTo("guard-registry-guard-session");
		assertThat(Manifests.secretRefName(manifests.env().get("GUARD_FACTORS_EMAIL_CODE_KEY")))
			.isEqualTo("guard-registry-guard-email-codes");
		assertThat(Manifests.<String>at(manifests.volume("stepup"), "secret.secretName")).isEqualTo("guard-registry-guard-stepup");
		assertThat(Manifests.<String>at(manifests.volume("factors"), "secret.secretName")).isEqualTo("guard-registry-guard-factors");
	}

	@Test
	void noneOfThemAppearsInAConfigMapOrAPlainEnvVar() {
		String configMaps = manifests.ofKind("ConfigMap").toString();
		String podSpec = manifests.podSpec().toString();
		for (String secret : new String[] { "admin-token-from-values", DEVICE_KEY, SESSION_KEY, EMAIL_CODE_KEY,
				"private-part", "ZmFjdG9yLWtleS1tYXRlcmlhbC0zMi1ieXRlcy1vayE=", "smtp-password-from-values", "MIIE" }) {
			assertThat(configMaps).doesNotContain(secret);
			assertThat(podSpec).doesNotContain(secret);
		}
	}

	@Test
	void notesStopWarningAboutWhatIsNowConfigured() {
		String notes = HelmChart.notes(Values.minimal()
			.with("stepUp.jwks", JWKS)
			.with("factorEncryption.keys", FACTOR_KEYS)
			.with("smtp.host", "smtp.example.org"));
		assertThat(notes).doesNotContain("no step-up JWK set")
			.doesNotContain("FACTOR-ENCRYPTION KEY WAS GENERATED")
			.doesNotContain("no SMTP server");
		assertThat(HelmChart.notes(Values.minimal())).contains("no step-up JWK set")
			.contains("FACTOR-ENCRYPTION KEY WAS GENERATED")
			.contains("no SMTP server");
	}

	private static Map<String, String> data(String secret) {
		return Manifests.secretData(manifests.get("Secret", secret));
	}

}
