package io.registryguard.helm;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.registryguard.helm.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chart with its default values (plus the one required value, the registry's URL). */
class ChartTests {

	private static Manifests manifests;

	@BeforeAll
	static void render() {
		manifests = HelmChart.render(Values.minimal());
	}

	@Test
	void defaultsRenderTheGatewayAndNoOptionalObjects() {
		assertThat(manifests.names()).containsExactlyInAnyOrder("ServiceAccount/guard-registry-guard",
				"Secret/guard-registry-guard-admin", "Secret/guard-registry-guard-device-cookie",
				"Secret/guard-registry-guard-session", "Secret/guard-registry-guard-email-codes",
				"Secret/guard-registry-guard-factors", "Secret/guard-registry-guard-tls",
				"ConfigMap/guard-registry-guard-policy", "Service/guard-registry-guard",
				"Service/guard-registry-guard-management", "Deployment/guard-registry-guard",
				"PodDisruptionBudget/guard-registry-guard", "NetworkPolicy/guard-registry-guard");
	}

	@Test
	void deploymentRunsTwoReplicasThatRollWithoutLosingCapacity() {
		Map<String, Object> deployment = manifests.deployment();
		assertThat((Integer) at(deployment, "spec.replicas")).isEqualTo(2);
		assertThat((Object) at(deployment, "spec.strategy.rollingUpdate.maxUnavailable")).isEqualTo(0);
		assertThat((Object) at(deployment, "spec.strategy.type")).isEqualTo("RollingUpdate");
	}

	@Test
	void podsPreferDifferentNodes() {
		List<Map<String, Object>> preferred = at(manifests.podSpec(),
				"affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution");
		assertThat(preferred).hasSize(1);
		assertThat((String) at(preferred.get(0), "podAffinityTerm.topologyKey")).isEqualTo("kubernetes.io/hostname");
		Map<String, String> selector = at(preferred.get(0), "podAffinityTerm.labelSelector.matchLabels");
		assertThat(selector).isEqualTo(at(manifests.deployment(), "spec.selector.matchLabels"));
		assertThat((Object) at(manifests.podSpec(), "affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution"))
			.isNull();
	}

	@Test
	void probesAskTheManagementPortsHealthGroups() {
		Map<String, Object> gateway = manifests.gateway();
		assertThat((String) at(gateway, "startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
		assertThat((String) at(gateway, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
		assertThat((String) at(gateway, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
		for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
			assertThat(containerPort(at(gateway, probe + ".httpGet.port"))).as(probe).isEqualTo(9090);
		}
	}

	@Test
	void containerExposesHttpsHttpAndManagementPorts() {
		assertThat(containerPort("https")).isEqualTo(8443);
		assertThat(containerPort("http")).isEqualTo(8080);
		assertThat(containerPort("management")).isEqualTo(9090);
	}

	@Test
	void policyIsMountedAsADirectorySoEditsReachThePods() {
		Map<String, Object> mount = manifests.volumeMount("policy");
		assertThat(mount).containsEntry("mountPath", "/etc/registry-guard/policy").containsEntry("readOnly", true);
		List<Map<String, Object>> mounts = at(manifests.gateway(), "volumeMounts");
		assertThat(mounts).allSatisfy((each) -> assertThat(each).doesNotContainKey("subPath"));
		assertThat(manifests.envValue("GUARD_POLICY_FILE")).isEqualTo("/etc/registry-guard/policy/policy.yaml");
		assertThat((String) at(manifests.volume("policy"), "configMap.name")).isEqualTo("guard-registry-guard-policy");
		assertThat((List<Object>) at(manifests.volume("policy"), "configMap.items"))
			.containsExactly(Map.of("key", "policy.yaml", "path", "policy.yaml"));
		assertThat(manifests.envValue("GUARD_POLICY_POLL_INTERVAL")).isEqualTo("5s");
	}

	@Test
	void policyConfigMapCarriesTheChartsCopyVerbatim() throws Exception {
		String chartCopy = Files.readString(HelmChart.directory().resolve("files/policy.yaml"));
		Map<String, Object> configMap = manifests.get("ConfigMap", "guard-registry-guard-policy");
		Map<String, String> data = at(configMap, "data");
		assertThat(data).containsOnlyKeys("policy.yaml");
		assertThat(data.get("policy.yaml")).isEqualTo(chartCopy);
	}

	@Test
	void podAndContainerAreLockedDown() {
		Map<String, Object> pod = at(manifests.podSpec(), "securityContext");
		assertThat(pod).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 10001);
		assertThat((String) at(pod, "seccompProfile.type")).isEqualTo("RuntimeDefault");
		Map<String, Object> container = at(manifests.gateway(), "securityContext");
		assertThat(container).containsEntry("runAsNonRoot", true)
			.containsEntry("runAsUser", 10001)
			.containsEntry("readOnlyRootFilesystem", true)
			.containsEntry("allowPrivilegeEscalation", false);
		assertThat((List<String>) at(container, "capabilities.drop")).containsExactly("ALL");
		assertThat((Boolean) at(manifests.podSpec(), "automountServiceAccountToken")).isFalse();
	}

	@Test
	void tmpIsTheOnlyWritablePlace() {
		assertThat(manifests.volumeMount("tmp")).containsEntry("mountPath", "/tmp");
		assertThat((Object) at(manifests.volume("tmp"), "emptyDir")).isNotNull();
		List<Map<String, Object>> mounts = at(manifests.gateway(), "volumeMounts");
		assertThat(mounts.stream().filter((mount) -> !Boolean.TRUE.equals(mount.get("readOnly"))).map((mount) -> mount.get("mountPath")))
			.containsExactly("/tmp");
	}

	@Test
	void shutdownSleepsBeforeStoppingAndTheGracePeriodOutlastsIt() {
		List<String> preStop = at(manifests.gateway(), "lifecycle.preStop.exec.command");
		assertThat(preStop).containsExactly("sleep", "10");
		Integer grace = at(manifests.podSpec(), "terminationGracePeriodSeconds");
		assertThat(grace).isGreaterThan(10);
	}

	@Test
	void envCarriesTheUpstreamTlsFilesAndDefaults() {
		assertThat(manifests.envValue("GUARD_UPSTREAM_URL")).isEqualTo(HelmChart.UPSTREAM);
		assertThat(manifests.envValue("GUARD_TLS_ENABLED")).isEqualTo("true");
		assertThat(manifests.envValue("GUARD_TLS_CERTIFICATE")).isEqualTo("/etc/registry-guard/tls/tls.crt");
		assertThat(manifests.envValue("GUARD_TLS_PRIVATE_KEY")).isEqualTo("/etc/registry-guard/tls/tls.key");
		assertThat(manifests.envValue("GUARD_TLS_REDIRECT_PORT")).isEqualTo("443");
		assertThat(manifests.envValue("GUARD_TRUSTED_PROXIES")).isEmpty();
		assertThat(manifests.envValue("JAVA_TOOL_OPTIONS")).isEqualTo("-XX:MaxRAMPercentage=75");
		assertThat(manifests.volumeMount("tls")).containsEntry("mountPath", "/etc/registry-guard/tls");
		assertThat((String) at(manifests.volume("tls"), "secret.secretName")).isEqualTo("guard-registry-guard-tls");
	}

	@Test
	void withoutRedisNoRedisSettingsAreSet() {
		assertThat(manifests.env().keySet()).noneMatch((name) -> name.startsWith("SPRING_DATA_REDIS_"));
		assertThat(manifests.env().keySet()).noneMatch((name) -> name.startsWith("SPRING_MAIL_"));
		assertThat(manifests.env()).doesNotContainKeys("GUARD_STEPUP_JWKS_FILE", "GUARD_MAIL_FROM");
	}

	@Test
	void adminTokenIsGeneratedIntoASecretAndReachesThePodFromIt() {
		Map<String, Object> tokenVar = manifests.env().get("GUARD_ADMIN_TOKEN");
		assertThat(Manifests.secretRefName(tokenVar)).isEqualTo("guard-registry-guard-admin");
		assertThat((String) at(tokenVar, "valueFrom.secretKeyRef.key")).isEqualTo("token");
		assertThat(tokenVar).doesNotContainKey("value");
		assertThat(Manifests.secretData(manifests.get("Secret", "guard-registry-guard-admin")).get("token"))
			.matches("[A-Za-z0-9]{40}");
	}

	@Test
	void withoutCertificateASelfSignedOneIsGenerated() {
		Map<String, Object> secret = manifests.get("Secret", "guard-registry-guard-tls");
		assertThat(secret).containsEntry("type", "kubernetes.io/tls");
		Map<String, String> data = Manifests.secretData(secret);
		assertThat(data.get("tls.crt")).startsWith("-----BEGIN CERTIFICATE-----");
		assertThat(data.get("tls.key")).contains("PRIVATE KEY-----");
	}

	@Test
	void noSecretValueAppearsInAConfigMapOrAPlainEnvVar() {
		List<String> secretValues = manifests.ofKind("Secret")
			.stream()
			.flatMap((secret) -> Manifests.secretData(secret).values().stream())
			.toList();
		assertThat(secretValues).isNotEmpty();
		String configMaps = manifests.ofKind("ConfigMap").toString();
		String plainEnv = manifests.env().values().toString();
		for (String value : secretValues) {
			assertThat(configMaps).doesNotContain(value);
			assertThat(plainEnv).doesNotContain(value);
		}
	}

	@Test
	void checksumAnnotationsArePresent() {
		assertThat(manifests.podAnnotations().get("checksum/config")).matches("[0-9a-f]{64}");
		assertThat(manifests.podAnnotations().get("checksum/secret")).matches("[0-9a-f]{64}");
	}

	@Test
	void clientServiceForwardsHttpsAndHttpToTheContainer() {
		Map<String, Object> service = manifests.get("Service", "guard-registry-guard");
		List<Map<String, Object>> ports = at(service, "spec.ports");
		assertThat(ports).extracting((port) -> port.get("port") + "->" + containerPort(port.get("targetPort")))
			.containsExactly("443->8443", "80->8080");
		assertThat((Map<String, String>) at(service, "spec.selector"))
			.isEqualTo(at(manifests.deployment(), "spec.selector.matchLabels"));
	}

	@Test
	void managementServiceExposesOnlyTheManagementPort() {
		Map<String, Object> service = manifests.get("Service", "guard-registry-guard-management");
		List<Map<String, Object>> ports = at(service, "spec.ports");
		assertThat(ports).extracting((port) -> port.get("port") + "->" + containerPort(port.get("targetPort")))
			.containsExactly("9090->9090");
		assertThat((String) at(service, "spec.type")).isEqualTo("ClusterIP");
	}

	@Test
	void disruptionBudgetKeepsOnePod() {
		Map<String, Object> pdb = manifests.get("PodDisruptionBudget", "guard-registry-guard");
		assertThat((Integer) at(pdb, "spec.minAvailable")).isEqualTo(1);
		assertThat((Object) at(pdb, "spec.selector.matchLabels"))
			.isEqualTo(at(manifests.deployment(), "spec.selector.matchLabels"));
	}

	@Test
	void imageDefaultsToTheAppVersion() {
		assertThat((String) at(manifests.gateway(), "image")).isEqualTo("registry-guard:0.1.0");
	}

	@Test
	void withoutUpstreamUrlTheRenderFailsAndSaysWhy() {
		assertThatThrownBy(() -> HelmChart.render(Values.empty())).hasMessageContaining("upstream.url is required");
	}

	private static int containerPort(Object nameOrNumber) {
		if (nameOrNumber instanceof Integer number) {
			return number;
		}
		List<Map<String, Object>> ports = at(manifests.gateway(), "ports");
		return ports.stream()
			.filter((port) -> nameOrNumber.equals(port.get("name")))
			.map((port) -> (Integer) port.get("containerPort"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No container port named " + nameOrNumber));
	}

}
