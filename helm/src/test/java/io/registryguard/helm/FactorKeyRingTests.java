package io.registryguard.helm;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static io.registryguard.helm.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The key ring that encrypts enrolled factors (GUARD_FACTORS_KEYS_FILE). Losing it loses every enrolled
 * factor, so the chart always provides one, keeps a generated one, never deletes it, and says to back it up.
 */
class FactorKeyRingTests {

	private static final String SECRET = "guard-registry-guard-factors";

	private static final String KEY_A = "7kOqmgfgjA2Hn0Pm2PI2KUnGFv1GvyBP90vYHPmRPuI=";

	private static final String KEY_B = "dYH6ZT1hka7LQ7vcj0hHJ/gf0kxp5hxci9dsSpxdh6Y=";

	/** A ring after one rotation: the new key is primary, the old one still opens older factors. */
	private static final String ROTATED = """
			{"keys": [
			  {"kid": "2027-05", "key": "%s", "primary": true},
			  {"kid": "2026-11", "key": "%s"}
			]}""".formatted(KEY_B, KEY_A);

	private static final String BACKUP_COMMAND = "kubectl -n registry get secret guard-registry-guard-factors"
			+ " -o jsonpath='{.data.keys\\.json}' | base64 -d > registry-guard-factor-keys.json";

	@AfterEach
	void forgetLiveSecrets() {
		FakeKubernetesApi.clear();
	}

	@Test
	@SuppressWarnings("unchecked")
	void generatedRingIsOnePrimaryKeyInTheGatewaysFormat() {
		Map<String, Object> ring = new Yaml().load(keysJson(HelmChart.render(Values.minimal())));
		assertThat(ring).containsOnlyKeys("keys");
		List<Map<String, Object>> keys = (List<Map<String, Object>>) ring.get("keys");
		assertThat(keys).hasSize(1);
		assertThat(keys.get(0)).containsOnlyKeys("kid", "key", "primary").containsEntry("primary", true);
		assertThat((String) keys.get(0).get("kid")).matches("generated-[A-Za-z0-9]{8}");
		// What FactorKeyRingJson accepts: standard base64 of exactly 32 bytes (AES-256).
		assertThat(Base64.getDecoder().decode((String) keys.get(0).get("key"))).hasSize(32);
	}

	@Test
	void podReadsTheRingAsAFileFromTheChartSecret() {
		Manifests manifests = HelmChart.render(Values.minimal());
		assertThat(manifests.envValue("GUARD_FACTORS_KEYS_FILE")).isEqualTo("/etc/registry-guard/factors/keys.json");
		assertThat(manifests.volumeMount("factors")).containsEntry("mountPath", "/etc/registry-guard/factors")
			.containsEntry("readOnly", true);
		assertThat((String) at(manifests.volume("factors"), "secret.secretName")).isEqualTo(SECRET);
		assertThat((List<Object>) at(manifests.volume("factors"), "secret.items"))
			.containsExactly(Map.of("key", "keys.json", "path", "keys.json"));
	}

	@Test
	void generatedRingIsKeptAcrossAnUpgrade() {
		String live = "{\"keys\":[{\"kid\":\"generated-Ab3dE6gH\",\"key\":\"" + KEY_A + "\",\"primary\":true}]}";
		FakeKubernetesApi.putSecret(HelmChart.NAMESPACE, SECRET, Map.of("keys.json", live));
		assertThat(keysJson(HelmChart.render(Values.minimal()))).isEqualTo(live);
		assertThat(keysJson(HelmChart.render(Values.minimal()))).isEqualTo(live);
	}

	@Test
	void withoutALiveSecretEachInstallDrawsANewRing() {
		assertThat(keysJson(HelmChart.render(Values.minimal()))).isNotEqualTo(keysJson(HelmChart.render(Values.minimal())));
	}

	@Test
	void theChartsFactorsSecretSurvivesUninstall() {
		for (Values values : List.of(Values.minimal(), Values.minimal().with("factorEncryption.keys", ROTATED))) {
			Map<String, Object> secret = HelmChart.render(values).get("Secret", SECRET);
			assertThat((Map<String, String>) at(secret, "metadata.annotations"))
				.containsEntry("helm.sh/resource-policy", "keep");
		}
		// The other chart Secrets are ordinary release objects.
		assertThat((Object) at(HelmChart.render(Values.minimal()).get("Secret", "guard-registry-guard-session"),
				"metadata.annotations")).isNull();
	}

	@Test
	void aGivenRingIsStoredAsGivenAndBeatsTheLiveOne() {
		FakeKubernetesApi.putSecret(HelmChart.NAMESPACE, SECRET, Map.of("keys.json", "{\"keys\":[]}"));
		assertThat(keysJson(HelmChart.render(Values.minimal().with("factorEncryption.keys", ROTATED + "\n")))).isEqualTo(ROTATED);
	}

	@Test
	void anExistingSecretIsMountedByNameAndKeyAndTheChartRendersNone() {
		Manifests manifests = HelmChart.render(Values.minimal()
			.with("factorEncryption.existingSecret", "ops-factors")
			.with("factorEncryption.existingSecretKey", "ring.json"));
		assertThat(manifests.find("Secret", SECRET)).isEmpty();
		assertThat((String) at(manifests.volume("factors"), "secret.secretName")).isEqualTo("ops-factors");
		assertThat((List<Object>) at(manifests.volume("factors"), "secret.items"))
			.containsExactly(Map.of("key", "ring.json", "path", "keys.json"));
		assertThat(manifests.envValue("GUARD_FACTORS_KEYS_FILE")).isEqualTo("/etc/registry-guard/factors/keys.json");
	}

	@Test
	void ringsTheGatewayWouldRefuseFailTheInstall() {
		assertRingRejected("not json", "must be JSON like");
		assertRingRejected("[]", "must be JSON like");
		assertRingRejected("{\"keys\": []}", "\"keys\" is empty");
		assertRingRejected("{\"keys\": [{\"kid\": \"a\", \"key\": \"" + KEY_A + "\"}], \"primary\": \"a\"}",
				"only \"keys\" is allowed");
		// The old, wrong documentation's field names.
		assertRingRejected("{\"keys\": [{\"id\": \"2026-01\", \"aes\": \"" + KEY_A + "\"}]}", "keys[0] has an unknown field");
		assertRingRejected("{\"keys\": [{\"kid\": \"2026/11\", \"key\": \"" + KEY_A + "\"}]}", "keys[0].kid must be");
		assertRingRejected("{\"keys\": [{\"kid\": \"a\", \"key\": \"" + KEY_A + "\"}, {\"kid\": \"a\", \"key\": \"" + KEY_B + "\"}]}",
				"kid \"a\" appears twice");
		// 24 bytes, and 32 bytes in the URL-safe alphabet: neither decodes to an AES-256 key in the gateway.
		assertRingRejected("{\"keys\": [{\"kid\": \"a\", \"key\": \"a/11+5BbRh56W+7nUr4H7t3hQiHTQlC7\"}]}",
				"keys[0].key (kid \"a\") must be standard base64 of exactly 32 bytes");
		assertRingRejected("{\"keys\": [{\"kid\": \"a\", \"key\": \"" + KEY_B.replace('/', '_') + "\"}]}",
				"keys[0].key (kid \"a\") must be standard base64 of exactly 32 bytes");
		assertRingRejected("{\"keys\": [{\"kid\": \"a\", \"key\": \"" + KEY_A + "\", \"primary\": \"yes\"}]}",
				"keys[0].primary must be true or false");
		assertRingRejected("{\"keys\": [{\"kid\": \"a\", \"key\": \"" + KEY_A + "\", \"primary\": true},"
				+ " {\"kid\": \"b\", \"key\": \"" + KEY_B + "\", \"primary\": true}]}", "more than one key is marked primary");
	}

	@Test
	void aRejectedRingIsNeverEchoed() {
		String secretKey = "c2VjcmV0LWtleS1tYXRlcmlhbC10aGF0LWlzLXRvby1sb25nLWZvci1hZXM=";
		assertThatThrownBy(() -> HelmChart.render(Values.minimal()
			.with("factorEncryption.keys", "{\"keys\": [{\"kid\": \"a\", \"key\": \"" + secretKey + "\"}]}")))
			.hasMessageContaining("keys[0].key")
			.hasMessageNotContaining(secretKey);
	}

	@Test
	void unpaddedKeysAndRingsWithoutAPrimaryAreAccepted() {
		// The gateway's decoder takes unpadded base64 and makes the first entry primary.
		String ring = "{\"keys\":[{\"kid\":\"a\",\"key\":\"" + KEY_A.replace("=", "") + "\"},{\"kid\":\"b\",\"key\":\"" + KEY_B
				+ "\",\"primary\":false}]}";
		assertThat(keysJson(HelmChart.render(Values.minimal().with("factorEncryption.keys", ring)))).isEqualTo(ring);
	}

	@Test
	void notesWarnLoudlyAndShowTheBackupCommandWhenTheRingWasGenerated() {
		assertThat(HelmChart.notes(Values.minimal()))
			.contains("WARNING: THE FACTOR-ENCRYPTION KEY WAS GENERATED. BACK IT UP NOW.")
			.contains("IF THAT SECRET IS LOST, EVERY ENROLLED FACTOR IS LOST")
			.contains(BACKUP_COMMAND);
		for (Values own : List.of(Values.minimal().with("factorEncryption.keys", ROTATED),
				Values.minimal().with("factorEncryption.existingSecret", "ops-factors"))) {
			assertThat(HelmChart.notes(own)).doesNotContain("KEY WAS GENERATED").doesNotContain("base64 -d > registry-guard");
		}
	}

	@Test
	void readmeShowsTheFormatTheSameBackupCommandAndHowToRotate() throws Exception {
		String readme = java.nio.file.Files.readString(HelmChart.directory().resolve("README.md"));
		assertThat(readme).contains("{\"keys\": [{\"kid\": \"2026-11\", \"key\": \"<standard base64 of 32 bytes>\", \"primary\": true}]}")
			.contains(BACKUP_COMMAND)
			.contains("**Rotation.** Add a new entry and mark it `\"primary\": true`")
			.contains("keep\nthe old entry on the ring");
	}

	private static void assertRingRejected(String ring, String complaint) {
		assertThatThrownBy(() -> HelmChart.render(Values.minimal().with("factorEncryption.keys", ring)))
			.as(ring)
			.hasMessageContaining("factorEncryption.keys")
			.hasMessageContaining(complaint);
	}

	private static String keysJson(Manifests manifests) {
		return Manifests.secretData(manifests.get("Secret", SECRET)).get("keys.json");
	}

}
