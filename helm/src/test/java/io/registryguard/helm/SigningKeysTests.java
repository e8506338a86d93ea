package io.registryguard.helm;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.registryguard.helm.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HMAC keys of the second-factor flow, provided like the device cookie key: given, from the
 * operator's Secret, or generated once and kept. Every replica must hold the same key.
 */
class SigningKeysTests {

	/** A key already in the cluster: base64 of 37 bytes. */
	private static final String LIVE_KEY = "a2V5LWluLXRoZS1jbHVzdGVyLWFscmVhZHktMzItYnl0ZXMhIQ==";

	enum SigningKey {

		/** Signs the guard-session cookie of a completed login. */
		SESSION("session", "guard-registry-guard-session", "GUARD_SESSION_KEY"),

		/** The key emailed one-time codes are stored under. */
		EMAIL_CODES("emailCodes", "guard-registry-guard-email-codes", "GUARD_FACTORS_EMAIL_CODE_KEY");

		final String values;

		final String secret;

		final String env;

		SigningKey(String values, String secret, String env) {
			this.values = values;
			this.secret = secret;
			this.env = env;
		}

	}

	@AfterEach
	void forgetLiveSecrets() {
		FakeKubernetesApi.clear();
	}

	@ParameterizedTest
	@EnumSource(SigningKey.class)
	void generatedKeyIsBase64OfAtLeast32RandomBytesInAChartSecret(SigningKey signingKey) {
		String key = Manifests.secretData(HelmChart.render(Values.minimal()).get("Secret", signingKey.secret)).get("key");
		// What the gateway does with it: Base64.getDecoder().decode(key.strip()), then at least 32 bytes.
		byte[] decoded = Base64.getDecoder().decode(key);
		assertThat(decoded.length).isGreaterThanOrEqualTo(32);
		assertThat(new String(decoded, StandardCharsets.US_ASCII)).matches("[A-Za-z0-9]{48}");
	}

	@ParameterizedTest
	@EnumSource(SigningKey.class)
	void podReadsTheKeyFromTheChartSecretNeverAsAPlainValue(SigningKey signingKey) {
		Map<String, Object> key = HelmChart.render(Values.minimal()).env().get(signingKey.env);
		assertThat(Manifests.secretRefName(key)).isEqualTo(signingKey.secret);
		assertThat((String) at(key, "valueFrom.secretKeyRef.key")).isEqualTo("key");
		assertThat(key).doesNotContainKey("value");
	}

	@ParameterizedTest
	@EnumSource(SigningKey.class)
	void aGivenKeyIsStoredAsGivenWithoutATrailingNewline(SigningKey signingKey) {
		Manifests manifests = HelmChart.render(Values.minimal().with(signingKey.values + ".key", LIVE_KEY + "\n"));
		assertThat(Manifests.secretData(manifests.get("Secret", signingKey.secret)))
			.containsExactly(Map.entry("key", LIVE_KEY));
		assertThat(manifests.podSpec().toString()).doesNotContain(LIVE_KEY);
	}

	@ParameterizedTest
	@EnumSource(SigningKey.class)
	void anExistingSecretIsUsedByNameAndKeyAndTheChartRendersNone(SigningKey signingKey) {
		Manifests manifests = HelmChart.render(Values.minimal()
			.with(signingKey.values + ".existingSecret", "ops-hmac")
			.with(signingKey.values + ".existingSecretKey", "hmac.key"));
		Map<String, Object> key = manifests.env().get(signingKey.env);
		assertThat(Manifests.secretRefName(key)).isEqualTo("ops-hmac");
		assertThat((String) at(key, "valueFrom.secretKeyRef.key")).isEqualTo("hmac.key");
		assertThat(manifests.find("Secret", signingKey.secret)).isEmpty();
		assertThat(manifests.find("Secret", "ops-hmac")).isEmpty();
		// Only this one is left out: the device cookie's Secret is still the chart's.
		assertThat(manifests.find("Secret", "guard-registry-guard-device-cookie")).isPresent();
	}

	@ParameterizedTest
	@EnumSource(SigningKey.class)
	void generatedKeyIsKeptAcrossAnUpgrade(SigningKey signingKey) {
		FakeKubernetesApi.putSecret(HelmChart.NAMESPACE, signingKey.secret, Map.of("key", LIVE_KEY));
		Manifests upgrade = HelmChart.render(Values.minimal());
		Manifests again = HelmChart.render(Values.minimal());
		assertThat(Manifests.secretData(upgrade.get("Secret", signingKey.secret))).containsExactly(Map.entry("key", LIVE_KEY));
		assertThat(Manifests.secretData(again.get("Secret", signingKey.secret))).containsExactly(Map.entry("key", LIVE_KEY));
	}

	@ParameterizedTest
	@EnumSource(SigningKey.class)
	void withoutALiveSecretEachInstallDrawsANewKeyOfItsOwn(SigningKey signingKey) {
		Manifests first = HelmChart.render(Values.minimal());
		Manifests second = HelmChart.render(Values.minimal());
		String key = Manifests.secretData(first.get("Secret", signingKey.secret)).get("key");
		assertThat(key).isNotEqualTo(Manifests.secretData(second.get("Secret", signingKey.secret)).get("key"));
		// Not one key shared between purposes.
		assertThat(key).isNotEqualTo(Manifests.secretData(first.get("Secret", "guard-registry-guard-device-cookie")).get("key"));
	}

	@ParameterizedTest
	@EnumSource(SigningKey.class)
	void schemaWantsBase64OfAtLeast32Bytes(SigningKey signingKey) {
		String key32 = "7kOqmgfgjA2Hn0Pm2PI2KUnGFv1GvyBP90vYHPmRPuI=";
		assertThat(HelmChart.render(Values.minimal().with(signingKey.values + ".key", key32)).deployment()).isNotNull();
		// 24 bytes: too short for the gateway.
		SchemaTests.assertRejectedBySchema(Values.minimal().with(signingKey.values + ".key", "a/11+5BbRh56W+7nUr4H7t3hQiHTQlC7"),
				"at '/" + signingKey.values + "/key'");
		// URL-safe alphabet: the gateway's decoder refuses it.
		SchemaTests.assertRejectedBySchema(
				Values.minimal().with(signingKey.values + ".key", "dYH6ZT1hka7LQ7vcj0hHJ_gf0kxp5hxci9dsSpxdh6Y="),
				"at '/" + signingKey.values + "/key'");
		SchemaTests.assertRejectedBySchema(Values.minimal().with(signingKey.values + ".secret", "x"),
				"additional properties 'secret' not allowed");
	}

}
