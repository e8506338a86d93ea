package io.registryguard.helm;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** checksum/config and checksum/secret make `helm upgrade` roll the pods when what they mount changes. */
class ChecksumTests {

	private static final String POLICY_A = "# policy A\nroutes: []\n";

	private static final String POLICY_B = "# policy B\nroutes: []\n";

	@AfterEach
	void forgetLiveSecrets() {
		FakeKubernetesApi.clear();
	}

	/** A device cookie key as `openssl rand -base64 32` prints one. */
	private static final String DEVICE_KEY = "7kOqmgfgjA2Hn0Pm2PI2KUnGFv1GvyBP90vYHPmRPuI=";

	private static final String ROTATED_DEVICE_KEY = "dYH6ZT1hka7LQ7vcj0hHJ/gf0kxp5hxci9dsSpxdh6Y=";

	private static final String SESSION_KEY = "Q2hlY2tzdW1UZXN0cy1zZXNzaW9uLWtleS0zMi1ieXRlcw==";

	private static final String EMAIL_CODE_KEY = "Q2hlY2tzdW1UZXN0cy1lbWFpbC1jb2RlLWtleS0zMmJ5dGU=";

	private static final String FACTOR_KEYS = "{\"keys\":[{\"kid\":\"2026-11\",\"key\":\"" + DEVICE_KEY
			+ "\",\"primary\":true}]}";

	/** Everything the chart would otherwise generate is given, so renders are repeatable. */
	private static Values fixed() {
		return Values.minimal()
			.with("admin.token", "fixed-admin-token")
			.with("deviceCookie.key", DEVICE_KEY)
			.with("session.key", SESSION_KEY)
			.with("emailCodes.key", EMAIL_CODE_KEY)
			.with("factorEncryption.keys", FACTOR_KEYS)
			.with("tls.existingSecret", "registry-tls");
	}

	@Test
	void configChecksumChangesWithThePolicyAndOnlyThen() {
		String a = annotation(fixed().with("policy.content", POLICY_A), "checksum/config");
		String aAgain = annotation(fixed().with("policy.content", POLICY_A), "checksum/config");
		String b = annotation(fixed().with("policy.content", POLICY_B), "checksum/config");
		assertThat(a).isEqualTo(aAgain).isNotEqualTo(b);
	}

	@Test
	void policyContentReplacesTheChartsCopy() {
		Manifests manifests = HelmChart.render(fixed().with("policy.content", POLICY_B));
		Map<String, String> data = Manifests.at(manifests.get("ConfigMap", "guard-registry-guard-policy"), "data");
		assertThat(data).containsExactly(Map.entry("policy.yaml", POLICY_B));
	}

	@Test
	void withoutRollOnChangeThePolicyIsLeftToHotReload() {
		String a = annotation(fixed().with("policy.rollOnChange", false).with("policy.content", POLICY_A), "checksum/config");
		String b = annotation(fixed().with("policy.rollOnChange", false).with("policy.content", POLICY_B), "checksum/config");
		assertThat(a).isEqualTo(b);
	}

	@Test
	void secretChecksumChangesWithASecretAndNotWithThePolicy() {
		String base = annotation(fixed(), "checksum/secret");
		assertThat(annotation(fixed(), "checksum/secret")).isEqualTo(base);
		assertThat(annotation(fixed().with("policy.content", POLICY_B), "checksum/secret")).isEqualTo(base);
		assertThat(annotation(fixed().with("admin.token", "rotated-admin-token"), "checksum/secret")).isNotEqualTo(base);
		assertThat(annotation(fixed().with("deviceCookie.key", ROTATED_DEVICE_KEY), "checksum/secret")).isNotEqualTo(base);
		assertThat(annotation(fixed().with("session.key", ROTATED_DEVICE_KEY), "checksum/secret")).isNotEqualTo(base);
		assertThat(annotation(fixed().with("emailCodes.key", ROTATED_DEVICE_KEY), "checksum/secret")).isNotEqualTo(base);
		assertThat(annotation(fixed().with("factorEncryption.keys", FACTOR_KEYS.replace("2026-11", "2027-05")), "checksum/secret"))
			.isNotEqualTo(base);
		assertThat(annotation(fixed().with("smtp.host", "smtp.example.org").with("smtp.password", "p"), "checksum/secret"))
			.isNotEqualTo(base);
	}

	@Test
	void generatedSecretsAreReusedOnUpgradeSoThePodsDoNotRoll() {
		Values generated = Values.minimal();
		FakeKubernetesApi.putSecret(HelmChart.NAMESPACE, "guard-registry-guard-admin", Map.of("token", "live-admin-token"));
		FakeKubernetesApi.putSecret(HelmChart.NAMESPACE, "guard-registry-guard-device-cookie", Map.of("key", DEVICE_KEY));
		FakeKubernetesApi.putSecret(HelmChart.NAMESPACE, "guard-registry-guard-session", Map.of("key", SESSION_KEY));
		FakeKubernetesApi.putSecret(HelmChart.NAMESPACE, "guard-registry-guard-email-codes", Map.of("key", EMAIL_CODE_KEY));
		FakeKubernetesApi.putSecret(HelmChart.NAMESPACE, "guard-registry-guard-factors", Map.of("keys.json", FACTOR_KEYS));
		FakeKubernetesApi.putSecret(HelmChart.NAMESPACE, "guard-registry-guard-tls",
				Map.of("tls.crt", "live-certificate", "tls.key", "live-key"));
		Manifests first = HelmChart.render(generated);
		Manifests second = HelmChart.render(generated);
		assertThat(Manifests.secretData(first.get("Secret", "guard-registry-guard-admin")))
			.containsEntry("token", "live-admin-token");
		assertThat(Manifests.secretData(first.get("Secret", "guard-registry-guard-device-cookie")))
			.containsExactly(Map.entry("key", DEVICE_KEY));
		assertThat(Manifests.secretData(first.get("Secret", "guard-registry-guard-tls")))
			.containsEntry("tls.crt", "live-certificate")
			.containsEntry("tls.key", "live-key");
		assertThat(second.podAnnotations().get("checksum/secret")).isEqualTo(first.podAnnotations().get("checksum/secret"));
	}

	@Test
	void withoutALiveSecretEachInstallDrawsANewToken() {
		String first = Manifests.secretData(HelmChart.render(Values.minimal()).get("Secret", "guard-registry-guard-admin"))
			.get("token");
		String second = Manifests.secretData(HelmChart.render(Values.minimal()).get("Secret", "guard-registry-guard-admin"))
			.get("token");
		assertThat(first).isNotEqualTo(second);
	}

	private static String annotation(Values values, String name) {
		return HelmChart.render(values).podAnnotations().get(name);
	}

}
