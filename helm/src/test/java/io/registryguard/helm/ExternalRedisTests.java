package io.registryguard.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.registryguard.helm.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** External Redis: Cluster, Sentinel and standalone map onto Spring Boot's own properties. */
class ExternalRedisTests {

	private static Values cluster() {
		return Values.minimal()
			.with("redis.mode", "cluster")
			.with("redis.cluster.nodes", List.of("redis-0.redis:7000", "redis-1.redis:7000", "redis-2.redis:7001"))
			.with("redis.tls", true)
			.with("redis.existingSecret", "guard-redis-auth")
			.with("redis.existingSecretPasswordKey", "auth");
	}

	@Test
	void clusterModeSetsTheNodesTlsAndThePasswordFromTheExistingSecret() {
		Manifests manifests = HelmChart.render(cluster());
		assertThat(manifests.envValue("SPRING_DATA_REDIS_CLUSTER_NODES"))
			.isEqualTo("redis-0.redis:7000,redis-1.redis:7000,redis-2.redis:7001");
		assertThat(manifests.envValue("SPRING_DATA_REDIS_SSL_ENABLED")).isEqualTo("true");
		Map<String, Object> password = manifests.env().get("SPRING_DATA_REDIS_PASSWORD");
		assertThat(Manifests.secretRefName(password)).isEqualTo("guard-redis-auth");
		assertThat((String) at(password, "valueFrom.secretKeyRef.key")).isEqualTo("auth");
		assertThat(manifests.env()).doesNotContainKeys("SPRING_DATA_REDIS_URL", "SPRING_DATA_REDIS_SENTINEL_MASTER");
	}

	@Test
	void clusterModeRendersNoRedisOfItsOwnAndNoRedisSecret() {
		Manifests manifests = HelmChart.render(cluster());
		assertThat(manifests.ofKind("StatefulSet")).isEmpty();
		assertThat(manifests.find("Secret", "guard-registry-guard-redis")).isEmpty();
	}

	@Test
	void clusterModeOpensEgressToTheNodesPorts() {
		Manifests manifests = HelmChart.render(cluster());
		assertThat(NetworkPolicyTests.egressPorts(manifests)).contains(7000, 7001).doesNotContain(6379);
		Manifests explicit = HelmChart.render(cluster().with("networkPolicy.egress.redis.ports", List.of(7000, 7001, 7002)));
		assertThat(NetworkPolicyTests.egressPorts(explicit)).contains(7000, 7001, 7002);
	}

	@Test
	void clusterModeIsNotWarnedAbout() {
		String notes = HelmChart.notes(cluster());
		assertThat(notes).doesNotContain("NO REDIS").doesNotContain("no Redis configured");
	}

	@Test
	void clusterModeWithoutNodesIsRejected() {
		assertThatThrownBy(() -> HelmChart.render(Values.minimal().with("redis.mode", "cluster")))
			.hasMessageContaining("at '/redis/cluster/nodes': minItems");
	}

	@Test
	void clusterModeWithAUrlIsRejected() {
		assertThatThrownBy(() -> HelmChart.render(cluster().with("redis.url", "redis://elsewhere:6379")))
			.hasMessageContaining("redis.url is only for redis.mode standalone");
	}

	@Test
	void sentinelModeSetsMasterNodesAndAChartManagedPassword() {
		Manifests manifests = HelmChart.render(Values.minimal()
			.with("redis.mode", "sentinel")
			.with("redis.sentinel.master", "guard")
			.with("redis.sentinel.nodes", List.of("sentinel-0:26379", "sentinel-1:26379"))
			.with("redis.password", "s3cret-redis"));
		assertThat(manifests.envValue("SPRING_DATA_REDIS_SENTINEL_MASTER")).isEqualTo("guard");
		assertThat(manifests.envValue("SPRING_DATA_REDIS_SENTINEL_NODES")).isEqualTo("sentinel-0:26379,sentinel-1:26379");
		assertThat(Manifests.secretRefName(manifests.env().get("SPRING_DATA_REDIS_PASSWORD")))
			.isEqualTo("guard-registry-guard-redis");
		assertThat(Manifests.secretData(manifests.get("Secret", "guard-registry-guard-redis")))
			.containsEntry("redis-password", "s3cret-redis");
		assertThat(manifests.env()).doesNotContainKeys("SPRING_DATA_REDIS_URL", "SPRING_DATA_REDIS_SSL_ENABLED");
		assertThat(NetworkPolicyTests.egressPorts(manifests)).contains(26379, 6379);
	}

	@Test
	void standaloneModePutsThePasswordIntoTheUrlThroughEnvExpansion() {
		Manifests manifests = HelmChart.render(Values.minimal()
			.with("redis.mode", "standalone")
			.with("redis.url", "redis://redis.data.svc:6380/2")
			.with("redis.tls", true)
			.with("redis.existingSecret", "guard-redis-auth"));
		// Spring Boot ignores spring.data.redis.password once a URL is set: the URL must carry it.
		assertThat(manifests.envValue("SPRING_DATA_REDIS_URL"))
			.isEqualTo("rediss://:$(SPRING_DATA_REDIS_PASSWORD)@redis.data.svc:6380/2");
		List<String> names = new ArrayList<>(manifests.env().keySet());
		assertThat(names.indexOf("SPRING_DATA_REDIS_PASSWORD")).isNotNegative()
			.isLessThan(names.indexOf("SPRING_DATA_REDIS_URL"));
		assertThat(manifests.envValue("SPRING_DATA_REDIS_SSL_ENABLED")).isEqualTo("true");
		assertThat(NetworkPolicyTests.egressPorts(manifests)).contains(6380);
	}

	@Test
	void standaloneModeWithoutPasswordKeepsTheUrlAsGiven() {
		Manifests manifests = HelmChart.render(
				Values.minimal().with("redis.mode", "standalone").with("redis.url", "redis://redis.data.svc:6379"));
		assertThat(manifests.envValue("SPRING_DATA_REDIS_URL")).isEqualTo("redis://redis.data.svc:6379");
		assertThat(manifests.env()).doesNotContainKeys("SPRING_DATA_REDIS_PASSWORD", "SPRING_DATA_REDIS_SSL_ENABLED");
	}

	@Test
	void standaloneModeRejectsAPasswordWrittenIntoTheUrl() {
		assertThatThrownBy(() -> HelmChart.render(Values.minimal()
			.with("redis.mode", "standalone")
			.with("redis.url", "redis://:hunter2@redis.data.svc:6379"))).hasMessageContaining("must not contain a password");
	}

	@Test
	void aPasswordThatWouldBreakTheUrlIsRejected() {
		assertThat(HelmChart.render(Values.minimal().with("redis.mode", "bundled").with("redis.password", "Ab9._~-x"))
			.ofKind("StatefulSet")).hasSize(1);
		assertThatThrownBy(() -> HelmChart.render(Values.minimal().with("redis.mode", "bundled").with("redis.password", "p@ss/word")))
			.hasMessageContaining("at '/redis/password'");
		// Sentinel and Cluster do not use a URL: any password will do.
		assertThat(HelmChart.render(Values.minimal()
			.with("redis.mode", "cluster")
			.with("redis.cluster.nodes", List.of("redis-0:6379"))
			.with("redis.password", "p@ss/word")).deployment()).isNotNull();
	}

	@Test
	void standaloneModeWithoutUrlIsRejected() {
		assertThatThrownBy(() -> HelmChart.render(Values.minimal().with("redis.mode", "standalone")))
			.hasMessageContaining("redis.url is required");
	}

}
