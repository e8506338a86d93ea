package io.registryguard.helm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** NOTES.txt says loudly what will lose data or weaken the guard. */
class NotesTests {

	private static final String MULTI_POD_WARNING = "WARNING: NO REDIS, AND MORE THAN ONE REPLICA.";

	private static final String SINGLE_POD_WARNING = "WARNING: no Redis configured";

	@Test
	void noRedisWithSeveralReplicasIsTheLoudestWarning() {
		String notes = HelmChart.notes(Values.minimal());
		assertThat(notes).contains(MULTI_POD_WARNING).contains("ENROLLED SECOND FACTORS ARE LOST");
		// Only modes the gateway can run with are offered.
		assertThat(notes).contains("Set redis.mode (standalone or bundled)").doesNotContain("sentinel");
	}

	@Test
	void noRedisWithAnAutoscalerThatCanAddPodsIsWarnedToo() {
		String notes = HelmChart.notes(Values.minimal()
			.with("replicaCount", 1)
			.with("autoscaling.enabled", true)
			.with("autoscaling.minReplicas", 1)
			.with("autoscaling.maxReplicas", 4));
		assertThat(notes).contains(MULTI_POD_WARNING);
	}

	@Test
	void noRedisWithOneReplicaWarnsThatRestartsLoseState() {
		String notes = HelmChart.notes(Values.minimal().with("replicaCount", 1));
		assertThat(notes).contains(SINGLE_POD_WARNING).doesNotContain(MULTI_POD_WARNING);
	}

	@Test
	void redisConfiguredSilencesTheRedisWarnings() {
		String notes = HelmChart.notes(Values.minimal()
			.with("redis.mode", "standalone")
			.with("redis.url", "redis://redis.data.svc:6379"));
		assertThat(notes).doesNotContain(MULTI_POD_WARNING).doesNotContain(SINGLE_POD_WARNING);
		assertThat(notes).contains("appendonly yes");
	}

	@Test
	void generatedAdminTokenIsExplainedWithTheCommandToReadItAndACallThatUsesIt() {
		assertThat(HelmChart.notes(Values.minimal()))
			.contains("generated once, kept across upgrades")
			.contains("TOKEN=$(kubectl -n registry get secret guard-registry-guard-admin -o jsonpath='{.data.token}' | base64 -d)")
			.contains("kubectl -n registry port-forward svc/guard-registry-guard-management 9090:9090")
			.contains("curl -H \"Authorization: Bearer $TOKEN\" http://localhost:9090/admin/blocks");
	}

	@Test
	void aGivenAdminTokenIsReadFromTheChartSecretToo() {
		assertThat(HelmChart.notes(Values.minimal().with("admin.token", "from-values")))
			.contains("the admin.token you gave")
			.contains("get secret guard-registry-guard-admin -o jsonpath='{.data.token}'")
			.doesNotContain("generated once")
			.doesNotContain("from-values");
	}

	@Test
	void selfSignedCertificateIsWarnedAbout() {
		assertThat(HelmChart.notes(Values.minimal())).contains("self-signed certificate");
		assertThat(HelmChart.notes(Values.minimal().with("tls.existingSecret", "registry-tls")))
			.doesNotContain("self-signed certificate");
	}

}
