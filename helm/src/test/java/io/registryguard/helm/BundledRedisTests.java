package io.registryguard.helm;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.registryguard.helm.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;

/** The single-node Redis the chart can install for small sites. */
class BundledRedisTests {

	private static final String REDIS = "guard-registry-guard-redis";

	private static Values bundled() {
		return Values.minimal().with("redis.mode", "bundled");
	}

	@AfterEach
	void forgetLiveSecrets() {
		FakeKubernetesApi.clear();
	}

	@Test
	void redisRunsWithAnAppendOnlyFileOnAClaim() {
		Manifests manifests = HelmChart.render(bundled());
		Map<String, Object> statefulSet = manifests.get("StatefulSet", REDIS);
		Map<String, Object> redis = at(statefulSet, "spec.template.spec.containers.0");
		assertThat((String) redis.get("image")).isEqualTo("redis:7");
		assertThat(String.join(" ", (List<String>) redis.get("command"))).contains("--appendonly yes");
		List<Map<String, Object>> claims = at(statefulSet, "spec.volumeClaimTemplates");
		assertThat(claims).hasSize(1);
		assertThat((String) at(claims.get(0), "metadata.name")).isEqualTo("data");
		assertThat((String) at(claims.get(0), "spec.resources.requests.storage")).isEqualTo("1Gi");
		assertThat((List<Map<String, Object>>) redis.get("volumeMounts"))
			.anySatisfy((mount) -> assertThat(mount).containsEntry("name", "data").containsEntry("mountPath", "/data"));
		assertThat((List<Map<String, Object>>) at(statefulSet, "spec.template.spec.volumes"))
			.noneMatch((volume) -> "data".equals(volume.get("name")));
	}

	@Test
	void gatewayConnectsWithAGeneratedPasswordThatRedisRequires() {
		Manifests manifests = HelmChart.render(bundled());
		assertThat(manifests.envValue("SPRING_DATA_REDIS_URL"))
			.isEqualTo("redis://:$(SPRING_DATA_REDIS_PASSWORD)@" + REDIS + ":6379");
		assertThat(Manifests.secretRefName(manifests.env().get("SPRING_DATA_REDIS_PASSWORD"))).isEqualTo(REDIS);
		assertThat(Manifests.secretData(manifests.get("Secret", REDIS)).get("redis-password")).matches("[A-Za-z0-9]{32}");
		Map<String, Object> redis = at(manifests.get("StatefulSet", REDIS), "spec.template.spec.containers.0");
		assertThat(String.join(" ", (List<String>) redis.get("command"))).contains("--requirepass \"$REDIS_PASSWORD\"");
		List<Map<String, Object>> env = (List<Map<String, Object>>) redis.get("env");
		assertThat(env).allSatisfy((each) -> assertThat(Manifests.secretRefName(each)).isEqualTo(REDIS));
	}

	@Test
	void generatedPasswordIsKeptOnUpgrade() {
		FakeKubernetesApi.putSecret(HelmChart.NAMESPACE, REDIS, Map.of("redis-password", "already-in-the-cluster"));
		Manifests manifests = HelmChart.render(bundled());
		assertThat(Manifests.secretData(manifests.get("Secret", REDIS))).containsEntry("redis-password",
				"already-in-the-cluster");
	}

	@Test
	void redisIsReachableOnlyFromTheGatewayPods() {
		Manifests manifests = HelmChart.render(bundled());
		Map<String, Object> policy = manifests.get("NetworkPolicy", REDIS);
		assertThat((Object) at(policy, "spec.podSelector.matchLabels"))
			.isEqualTo(at(manifests.get("StatefulSet", REDIS), "spec.selector.matchLabels"));
		assertThat((Object) at(policy, "spec.ingress.0.from.0.podSelector.matchLabels"))
			.isEqualTo(at(manifests.deployment(), "spec.selector.matchLabels"));
		assertThat((List<Object>) at(policy, "spec.ingress")).hasSize(1);
		assertThat((List<Object>) at(policy, "spec.egress")).isEmpty();
	}

	@Test
	void gatewayServicesDoNotSelectTheRedisPod() {
		Manifests manifests = HelmChart.render(bundled());
		Map<String, String> redisPodLabels = at(manifests.get("StatefulSet", REDIS), "spec.template.metadata.labels");
		for (String service : List.of("guard-registry-guard", "guard-registry-guard-management")) {
			Map<String, String> selector = at(manifests.get("Service", service), "spec.selector");
			assertThat(redisPodLabels.entrySet().containsAll(selector.entrySet())).as(service).isFalse();
		}
	}

	@Test
	void redisRunsLockedDown() {
		Manifests manifests = HelmChart.render(bundled());
		Map<String, Object> pod = at(manifests.get("StatefulSet", REDIS), "spec.template.spec");
		assertThat((Boolean) at(pod, "securityContext.runAsNonRoot")).isTrue();
		assertThat((Boolean) at(pod, "containers.0.securityContext.readOnlyRootFilesystem")).isTrue();
		assertThat((Boolean) at(pod, "containers.0.securityContext.allowPrivilegeEscalation")).isFalse();
	}

	@Test
	void withPersistenceNotesDoNotWarnAboutLosingFactors() {
		String notes = HelmChart.notes(bundled());
		assertThat(notes).contains("single bundled node").doesNotContain("PERSISTENCE IS OFF").doesNotContain("NO REDIS");
	}

	@Test
	void withoutPersistenceDataIsAnEmptyDirAndTheNotesWarnLoudly() {
		Values values = bundled().with("redis.bundled.persistence.enabled", false);
		Manifests manifests = HelmChart.render(values);
		Map<String, Object> statefulSet = manifests.get("StatefulSet", REDIS);
		assertThat((Object) at(statefulSet, "spec.volumeClaimTemplates")).isNull();
		assertThat((List<Map<String, Object>>) at(statefulSet, "spec.template.spec.volumes"))
			.anySatisfy((volume) -> assertThat(volume).containsEntry("name", "data").containsKey("emptyDir"));
		assertThat(HelmChart.notes(values)).contains("WARNING: REDIS PERSISTENCE IS OFF")
			.contains("EVERY ENROLLED SECOND FACTOR is lost");
	}

}
