package io.registryguard.helm;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.registryguard.helm.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HMAC key of the device cookie (GUARD_DEVICE_COOKIE_KEY) must be the same on every replica and
 * outlive upgrades, so the chart provides it: given, from the operator's Secret, or generated once.
 */
class DeviceCookieTests {

	private static final String SECRET = "guard-registry-guard-device-cookie";

	/** A key already in the cluster: base64 of 37 bytes. */
	private static final String LIVE_KEY = "a2V5LWluLXRoZS1jbHVzdGVyLWFscmVhZHktMzItYnl0ZXMhIQ==";

	@AfterEach
	void forgetLiveSecrets() {
		FakeKubernetesApi.clear();
	}

	@Test
	void generatedKeyIsBase64OfAtLeast32RandomBytesInAChartSecret() {
		Manifests manifests = HelmChart.render(Values.minimal());
		String key = Manifests.secretData(manifests.get("Secret", SECRET)).get("key");
		// What the gateway does with it: Base64.getDecoder().decode(key), then at least 32 bytes.
		byte[] decoded = Base64.getDecoder().decode(key);
		assertThat(decoded.length).isGreaterThanOrEqualTo(32);
		assertThat(new String(decoded, StandardCharsets.US_ASCII)).matches("[A-Za-z0-9]{48}");
	}

	@Test
	void podReadsTheKeyFromTheChartSecretNeverAsAPlainValue() {
		Map<String, Object> key = HelmChart.render(Values.minimal()).env().get("GUARD_DEVICE_COOKIE_KEY");
		assertThat(Manifests.secretRefName(key)).isEqualTo(SECRET);
		assertThat((String) at(key, "valueFrom.secretKeyRef.key")).isEqualTo("key");
		assertThat(key).doesNotContainKey("value");
	}

	@Test
	void maxAgeDefaultsToNinetyDaysAndCanBeSet() {
		assertThat(HelmChart.render(Values.minimal()).envValue("GUARD_DEVICE_COOKIE_MAX_AGE")).isEqualTo("90d");
		assertThat(HelmChart.render(Values.minimal().with("deviceCookie.maxAge", "30d"))
			.envValue("GUARD_DEVICE_COOKIE_MAX_AGE")).isEqualTo("30d");
	}

	@Test
	void aGivenKeyIsStoredAsGivenWithoutATrailingNewline() {
		Manifests manifests = HelmChart.render(Values.minimal().with("deviceCookie.key", LIVE_KEY + "\n"));
		assertThat(Manifests.secretData(manifests.get("Secret", SECRET))).containsExactly(Map.entry("key", LIVE_KEY));
	}

	@Test
	void anExistingSecretIsUsedByNameAndKeyAndTheChartRendersNone() {
		Manifests manifests = HelmChart.render(Values.minimal()
			.with("deviceCookie.existingSecret", "ops-device")
			.with("deviceCookie.existingSecretKey", "hmac"));
		Map<String, Object> key = manifests.env().get("GUARD_DEVICE_COOKIE_KEY");
		assertThat(Manifests.secretRefName(key)).isEqualTo("ops-device");
		assertThat((String) at(key, "valueFrom.secretKeyRef.key")).isEqualTo("hmac");
		assertThat(manifests.find("Secret", SECRET)).isEmpty();
		assertThat(manifests.find("Secret", "ops-device")).isEmpty();
		// The other chart-owned Secrets are still there: only this one is left out.
		assertThat(manifests.find("Secret", "guard-registry-guard-admin")).isPresent();
	}

	@Test
	void generatedKeyIsKeptAcrossAnUpgrade() {
		FakeKubernetesApi.putSecret(HelmChart.NAMESPACE, SECRET, Map.of("key", LIVE_KEY));
		Manifests upgrade = HelmChart.render(Values.minimal());
		Manifests again = HelmChart.render(Values.minimal());
		assertThat(Manifests.secretData(upgrade.get("Secret", SECRET))).containsExactly(Map.entry("key", LIVE_KEY));
		assertThat(Manifests.secretData(again.get("Secret", SECRET))).containsExactly(Map.entry("key", LIVE_KEY));
	}

	@Test
	void withoutALiveSecretEachInstallDrawsANewKey() {
		String first = Manifests.secretData(HelmChart.render(Values.minimal()).get("Secret", SECRET)).get("key");
		String second = Manifests.secretData(HelmChart.render(Values.minimal()).get("Secret", SECRET)).get("key");
		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void aLiveSecretOfAnotherReleaseIsNotReused() {
		FakeKubernetesApi.putSecret("elsewhere", SECRET, Map.of("key", LIVE_KEY));
		FakeKubernetesApi.putSecret(HelmChart.NAMESPACE, "guard-registry-guard-admin", Map.of("key", LIVE_KEY));
		String key = Manifests.secretData(HelmChart.render(Values.minimal()).get("Secret", SECRET)).get("key");
		assertThat(key).isNotEqualTo(LIVE_KEY);
	}

}
