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
	void generatedAdminTokenIsExplainedWithTheCommandToReadIt() {
		assertThat(HelmChart.notes(Values.minimal()))
			.contains("kubectl -n registry get secret guard-registry-guard-admin -o jsonpath='{.data.token}'");
	}

	@Test
	void selfSignedCertificateIsWarnedAbout() {
		assertThat(HelmChart.notes(Values.minimal())).contains("self-signed certificate");
		assertThat(HelmChart.notes(Values.minimal().with("tls.existingSecret", "registry-tls")))
			.doesNotContain("self-signed certificate");
	}

}
