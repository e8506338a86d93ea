package io.registryguard.helm;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.registryguard.helm.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;

class AutoscalingTests {

	@Test
	void autoscalerOwnsTheReplicaCountWhenEnabled() {
		Manifests manifests = HelmChart.render(Values.minimal()
			.with("autoscaling.enabled", true)
			.with("autoscaling.minReplicas", 3)
			.with("autoscaling.maxReplicas", 9)
			.with("autoscaling.targetMemoryUtilizationPercentage", 80));
		assertThat((Object) at(manifests.deployment(), "spec.replicas")).isNull();
		Map<String, Object> hpa = manifests.get("HorizontalPodAutoscaler", "guard-registry-guard");
		assertThat((Object) at(hpa, "apiVersion")).isEqualTo("autoscaling/v2");
		assertThat((Integer) at(hpa, "spec.minReplicas")).isEqualTo(3);
		assertThat((Integer) at(hpa, "spec.maxReplicas")).isEqualTo(9);
		assertThat((String) at(hpa, "spec.scaleTargetRef.name")).isEqualTo("guard-registry-guard");
		assertThat((List<Map<String, Object>>) at(hpa, "spec.metrics")).extracting((metric) -> at(metric, "resource.name"))
			.containsExactly("cpu", "memory");
	}

	@Test
	void noAutoscalerByDefault() {
		assertThat(HelmChart.render(Values.minimal()).ofKind("HorizontalPodAutoscaler")).isEmpty();
	}

	@Test
	void aSinglePodGetsNoDisruptionBudgetThatWouldBlockDrains() {
		assertThat(HelmChart.render(Values.minimal().with("replicaCount", 1)).ofKind("PodDisruptionBudget")).isEmpty();
		assertThat(HelmChart.render(Values.minimal().with("replicaCount", 1).with("autoscaling.enabled", true))
			.ofKind("PodDisruptionBudget")).hasSize(1);
	}

}
