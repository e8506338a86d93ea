package io.registryguard.helm;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static io.registryguard.helm.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;

/** ServiceMonitor and the Grafana dashboard. */
class MonitoringTests {

	private static final List<String> METRICS = List.of("guard_login_attempts_total", "guard_ratelimit_decisions_total",
			"guard_risk_decisions_total", "guard_stepup_total", "guard_sensitive_actions_total",
			"guard_redis_store_errors_total", "guard_ratelimit_breaker_state", "guard_policy_reload_total",
			"http_server_requests_seconds_bucket");

	@Test
	void serviceMonitorScrapesPrometheusOnTheManagementServiceOnly() {
		Manifests manifests = HelmChart.render(Values.minimal()
			.with("monitoring.serviceMonitor.enabled", true)
			.with("monitoring.serviceMonitor.labels", Map.of("release", "kube-prometheus-stack")));
		Map<String, Object> monitor = manifests.get("ServiceMonitor", "guard-registry-guard");
		assertThat((String) at(monitor, "spec.endpoints.0.path")).isEqualTo("/actuator/prometheus");
		assertThat((String) at(monitor, "spec.endpoints.0.port")).isEqualTo("management");
		assertThat((Map<String, String>) at(monitor, "metadata.labels")).containsEntry("release", "kube-prometheus-stack");
		Map<String, String> selector = at(monitor, "spec.selector.matchLabels");
		assertThat(labels(manifests.get("Service", "guard-registry-guard-management"))).containsAllEntriesOf(selector);
		assertThat(labels(manifests.get("Service", "guard-registry-guard"))).doesNotContainEntry("registry-guard/service",
				selector.get("registry-guard/service"));
	}

	@Test
	void dashboardConfigMapCarriesTheSidecarLabelAndEveryMetric() {
		Manifests manifests = HelmChart.render(Values.minimal().with("monitoring.grafanaDashboard.enabled", true));
		Map<String, Object> configMap = manifests.get("ConfigMap", "guard-registry-guard-dashboard");
		assertThat(labels(configMap)).containsEntry("grafana_dashboard", "1");
		Map<String, String> data = at(configMap, "data");
		Map<String, Object> dashboard = new Yaml().load(data.get("registry-guard.json"));
		List<Map<String, Object>> panels = at(dashboard, "panels");
		String queries = panels.stream().map((panel) -> String.valueOf(panel.get("targets"))).reduce("", String::concat);
		assertThat(METRICS).allSatisfy((metric) -> assertThat(queries).contains(metric));
		assertThat(panels).extracting((panel) -> (String) panel.get("title"))
			.contains("Login attempts by outcome", "Limits hit", "Risk decisions by reason", "Step-ups by result",
					"Sensitive actions denied", "Redis store errors", "Request latency");
	}

	@Test
	void nothingForMonitoringByDefault() {
		Manifests manifests = HelmChart.render(Values.minimal());
		assertThat(manifests.ofKind("ServiceMonitor")).isEmpty();
		assertThat(manifests.find("ConfigMap", "guard-registry-guard-dashboard")).isEmpty();
	}

	private static Map<String, String> labels(Map<String, Object> object) {
		return at(object, "metadata.labels");
	}

}
