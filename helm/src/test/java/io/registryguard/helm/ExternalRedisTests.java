package io.registryguard.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * External Redis: standalone maps onto Spring Boot's SPRING_DATA_REDIS_URL. Sentinel and Cluster are not supported
 * by the gateway yet (it refuses to start with them), so the chart refuses them too, and says so.
 */
class ExternalRedisTests {

	private static final String NOT_SUPPORTED = "is not supported yet by registry-guard 0.1.0";

	private static Values cluster() {
		return Values.minimal()
			.with("redis.mode", "cluster")
			.with("redis.cluster.nodes", List.of("redis-0.redis:7000", "redis-1.redis:7000", "redis-2.redis:7001"))
			.with("redis.existingSecret", "guard-redis-auth");
	}

	private static Values sentinel() {
		return Values.minimal()
			.with("redis.mode", "sentinel")
			.with("redis.sentinel.master", "guard")
			.with("redis.sentinel.nodes", List.of("sentinel-0:26379", "sentinel-1:26379"))
			.with("redis.password", "s3cret-redis");
	}

	@Test
	void clusterModeFailsTheRenderAndSaysItIsNotSupportedYet() {
		assertThatThrownBy(() -> HelmChart.render(cluster()))
			.hasMessageContaining("redis.mode=cluster " + NOT_SUPPORTED)
			.hasMessageContaining("refuses to start with Redis Cluster settings")
			.hasMessageContaining("Use redis.mode=standalone");
	}

	@Test
	void sentinelModeFailsTheRenderAndPointsAtTheCurrentPrimary() {
		assertThatThrownBy(() -> HelmChart.render(sentinel()))
			.hasMessageContaining("redis.mode=sentinel " + NOT_SUPPORTED)
			.hasMessageContaining("refuses to start with Redis Sentinel settings")
			.hasMessageContaining("current primary");
	}

	@Test
	void theyFailAnInstallToo() {
		assertThatThrownBy(() -> HelmChart.notes(cluster())).hasMessageContaining("redis.mode=cluster " + NOT_SUPPORTED);
		assertThatThrownBy(() -> HelmChart.notes(sentinel())).hasMessageContaining("redis.mode=sentinel " + NOT_SUPPORTED);
	}

	@Test
	void withoutNodesTheyStillGetThatMessageNotASchemaComplaint() {
		for (String mode : List.of("cluster", "sentinel")) {
			assertThatThrownBy(() -> HelmChart.render(Values.minimal().with("redis.mode", mode)))
				.as(mode)
				.hasMessageContaining("redis.mode=" + mode + " " + NOT_SUPPORTED)
				.hasMessageNotContaining("schema");
		}
	}

	@Test
	void standaloneModeWithAChartManagedPassword() {
		Manifests manifests = HelmChart.render(Values.minimal()
			.with("redis.mode", "standalone")
			.with("redis.url", "redis://redis.data.svc:6379")
			.with("redis.password", "s3cret-redis"));
		assertThat(Manifests.secretRefName(manifests.env().get("SPRING_DATA_REDIS_PASSWORD")))
			.isEqualTo("guard-registry-guard-redis");
		assertThat(Manifests.secretData(manifests.get("Secret", "guard-registry-guard-redis")))
			.containsExactly(Map.entry("redis-password", "s3cret-redis"));
		assertThat(manifests.envValue("SPRING_DATA_REDIS_URL"))
			.isEqualTo("redis://:$(SPRING_DATA_REDIS_PASSWORD)@redis.data.svc:6379");
		assertThat(manifests.env().keySet()).noneMatch((name) -> name.startsWith("SPRING_DATA_REDIS_SENTINEL_")
				|| name.startsWith("SPRING_DATA_REDIS_CLUSTER_"));
		assertThat(manifests.ofKind("StatefulSet")).isEmpty();
	}

	@Test
	void standaloneEgressPortsCanBeListedExplicitly() {
		Values standalone = Values.minimal().with("redis.mode", "standalone").with("redis.url", "redis://redis.data.svc:6379");
		assertThat(NetworkPolicyTests.egressPorts(HelmChart.render(standalone))).contains(6379).doesNotContain(7000);
		Manifests explicit = HelmChart.render(standalone.with("networkPolicy.egress.redis.ports", List.of(7000, 7001)));
		assertThat(NetworkPolicyTests.egressPorts(explicit)).contains(7000, 7001).doesNotContain(6379);
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
		assertThatThrownBy(() -> HelmChart.render(Values.minimal()
			.with("redis.mode", "standalone")
			.with("redis.url", "redis://redis.data.svc:6379")
			.with("redis.password", "p@ss/word"))).hasMessageContaining("at '/redis/password'");
	}

	@Test
	void standaloneModeWithoutUrlIsRejected() {
		assertThatThrownBy(() -> HelmChart.render(Values.minimal().with("redis.mode", "standalone")))
			.hasMessageContaining("redis.url is required");
	}

}
