package io.registryguard.helm;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.registryguard.helm.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;

/** Everything secret (and the policy) comes from objects the operator manages. */
class ExistingSecretsTests {

	private static Manifests manifests;

	@BeforeAll
	static void render() {
		manifests = HelmChart.render(Values.minimal()
			.with("admin.existingSecret", "ops-admin")
			.with("admin.existingSecretKey", "bearer")
			.with("deviceCookie.existingSecret", "ops-device")
			.with("deviceCookie.existingSecretKey", "hmac")
			.with("session.existingSecret", "ops-session")
			.with("session.existingSecretKey", "session-hmac")
			.with("emailCodes.existingSecret", "ops-email-codes")
			.with("emailCodes.existingSecretKey", "code-hmac")
			.with("tls.existingSecret", "registry-example-org-tls")
			.with("stepUp.existingSecret", "ops-stepup")
			.with("stepUp.existingSecretKey", "signing.jwks")
			.with("factorEncryption.existingSecret", "ops-factors")
			.with("factorEncryption.existingSecretKey", "aes.json")
			.with("smtp.host", "smtp.example.org")
			.with("smtp.username", "guard")
			.with("smtp.existingSecret", "ops-smtp")
			.with("smtp.existingSecretPasswordKey", "pass")
			.with("redis.mode", "standalone")
			.with("redis.url", "redis://redis.data.svc:6379")
			.with("redis.existingSecret", "ops-redis")
			.with("redis.existingSecretPasswordKey", "pw")
			.with("policy.existingConfigMap", "ops-policy")
			.with("policy.existingConfigMapKey", "warehouse.yaml"));
	}

	@Test
	void chartRendersNoSecretAndNoPolicyConfigMap() {
		assertThat(manifests.ofKind("Secret")).isEmpty();
		assertThat(manifests.ofKind("ConfigMap")).isEmpty();
	}

	@Test
	void envVarsComeFromTheExistingSecretsByNameAndKey() {
		Map<String, Map<String, Object>> env = manifests.env();
		assertThat(secretKeyRef(env.get("GUARD_ADMIN_TOKEN"))).isEqualTo("ops-admin/bearer");
		assertThat(secretKeyRef(env.get("GUARD_DEVICE_COOKIE_KEY"))).isEqualTo("ops-device/hmac");
		assertThat(secretKeyRef(env.get("GUARD_SESSION_KEY"))).isEqualTo("ops-session/session-hmac");
		assertThat(secretKeyRef(env.get("GUARD_FACTORS_EMAIL_CODE_KEY"))).isEqualTo("ops-email-codes/code-hmac");
		assertThat(secretKeyRef(env.get("SPRING_MAIL_PASSWORD"))).isEqualTo("ops-smtp/pass");
		assertThat(secretKeyRef(env.get("SPRING_DATA_REDIS_PASSWORD"))).isEqualTo("ops-redis/pw");
		assertThat(manifests.envValue("SPRING_MAIL_HOST")).isEqualTo("smtp.example.org");
		assertThat(manifests.envValue("SPRING_MAIL_PORT")).isEqualTo("587");
		assertThat(manifests.envValue("SPRING_MAIL_USERNAME")).isEqualTo("guard");
	}

	@Test
	void filesComeFromTheExistingSecretsUnderTheNamesTheGatewayReads() {
		assertThat((String) at(manifests.volume("tls"), "secret.secretName")).isEqualTo("registry-example-org-tls");
		assertThat((String) at(manifests.volume("stepup"), "secret.secretName")).isEqualTo("ops-stepup");
		assertThat((List<Object>) at(manifests.volume("stepup"), "secret.items"))
			.containsExactly(Map.of("key", "signing.jwks", "path", "jwks.json"));
		assertThat((String) at(manifests.volume("factors"), "secret.secretName")).isEqualTo("ops-factors");
		assertThat((List<Object>) at(manifests.volume("factors"), "secret.items"))
			.containsExactly(Map.of("key", "aes.json", "path", "keys.json"));
		assertThat(manifests.volumeMount("stepup")).containsEntry("mountPath", "/etc/registry-guard/stepup");
		assertThat(manifests.volumeMount("factors")).containsEntry("mountPath", "/etc/registry-guard/factors");
		assertThat(manifests.envValue("GUARD_STEPUP_JWKS_FILE")).isEqualTo("/etc/registry-guard/stepup/jwks.json");
		assertThat(manifests.envValue("GUARD_FACTORS_KEYS_FILE")).isEqualTo("/etc/registry-guard/factors/keys.json");
	}

	@Test
	void existingPolicyConfigMapIsMountedAsADirectoryUnderTheExpectedName() {
		assertThat((String) at(manifests.volume("policy"), "configMap.name")).isEqualTo("ops-policy");
		assertThat((List<Object>) at(manifests.volume("policy"), "configMap.items"))
			.containsExactly(Map.of("key", "warehouse.yaml", "path", "policy.yaml"));
		assertThat(manifests.volumeMount("policy")).doesNotContainKey("subPath");
		assertThat(manifests.envValue("GUARD_POLICY_FILE")).isEqualTo("/etc/registry-guard/policy/policy.yaml");
	}

	@Test
	void checksumsArePresentEvenWithNothingChartManaged() {
		assertThat(manifests.podAnnotations()).containsKeys("checksum/config", "checksum/secret");
	}

	@Test
	void anExistingSecretWinsOverAValueGivenToo() {
		Manifests both = HelmChart.render(Values.minimal()
			.with("admin.token", "inline").with("admin.existingSecret", "ops-admin")
			.with("deviceCookie.key", "7kOqmgfgjA2Hn0Pm2PI2KUnGFv1GvyBP90vYHPmRPuI=").with("deviceCookie.existingSecret", "ops-device")
			.with("session.key", "7kOqmgfgjA2Hn0Pm2PI2KUnGFv1GvyBP90vYHPmRPuI=").with("session.existingSecret", "ops-session")
			.with("emailCodes.key", "7kOqmgfgjA2Hn0Pm2PI2KUnGFv1GvyBP90vYHPmRPuI=").with("emailCodes.existingSecret", "ops-email-codes")
			.with("tls.certificate", "inline").with("tls.privateKey", "inline").with("tls.existingSecret", "ops-tls")
			.with("stepUp.jwks", "{}").with("stepUp.existingSecret", "ops-stepup")
			.with("factorEncryption.keys", "{}").with("factorEncryption.existingSecret", "ops-factors")
			.with("smtp.host", "smtp.example.org").with("smtp.password", "inline").with("smtp.existingSecret", "ops-smtp")
			.with("redis.mode", "bundled").with("redis.password", "inline").with("redis.existingSecret", "ops-redis"));
		assertThat(both.ofKind("Secret")).isEmpty();
		assertThat(Manifests.<String>at(both.volume("stepup"), "secret.secretName")).isEqualTo("ops-stepup");
		assertThat(Manifests.secretRefName(both.env().get("SPRING_DATA_REDIS_PASSWORD"))).isEqualTo("ops-redis");
		assertThat(Manifests.secretRefName(both.env().get("GUARD_DEVICE_COOKIE_KEY"))).isEqualTo("ops-device");
		assertThat(Manifests.secretRefName(both.env().get("GUARD_SESSION_KEY"))).isEqualTo("ops-session");
		assertThat(Manifests.secretRefName(both.env().get("GUARD_FACTORS_EMAIL_CODE_KEY"))).isEqualTo("ops-email-codes");
		assertThat(Manifests.<String>at(both.volume("factors"), "secret.secretName")).isEqualTo("ops-factors");
	}

	@Test
	void notesReadTheTokenFromTheOperatorsSecretAndDoNotCallItGenerated() {
		String notes = HelmChart.notes(Values.minimal()
			.with("admin.existingSecret", "ops-admin")
			.with("admin.existingSecretKey", "admin.token"));
		assertThat(notes).doesNotContain("generated once")
			.doesNotContain("guard-registry-guard-admin")
			// jsonpath reads a dotted key only with its dots escaped.
			.contains("kubectl -n registry get secret ops-admin -o jsonpath='{.data.admin\\.token}' | base64 -d");
	}

	private static String secretKeyRef(Map<String, Object> envVar) {
		return Manifests.secretRefName(envVar) + "/" + at(envVar, "valueFrom.secretKeyRef.key");
	}

}
