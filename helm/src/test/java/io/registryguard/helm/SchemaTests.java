package io.registryguard.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** values.schema.json turns typos and wrong types into install-time errors. */
class SchemaTests {

	@Test
	void replicaCountMustBeANumber() {
		assertThat(HelmChart.render(Values.minimal().with("replicaCount", 3)).deployment()).isNotNull();
		assertRejectedBySchema(Values.minimal().with("replicaCount", "two"), "at '/replicaCount': got string, want integer");
	}

	@Test
	void unknownTopLevelKeyIsRejected() {
		assertRejectedBySchema(Values.minimal().with("replicas", 3), "additional properties 'replicas' not allowed");
	}

	@Test
	void unknownNestedKeyIsRejected() {
		assertRejectedBySchema(Values.minimal().with("redis.moed", "bundled"), "additional properties 'moed' not allowed");
		assertRejectedBySchema(Values.minimal().with("admin.existingSecretKy", "token"),
				"additional properties 'existingSecretKy' not allowed");
	}

	@Test
	void redisModeMustBeOneOfTheKnownModes() {
		assertRejectedBySchema(Values.minimal().with("redis.mode", "memcached"), "at '/redis/mode': value must be one of");
	}

	@Test
	void upstreamMustBeAnHttpUrl() {
		assertRejectedBySchema(Values.minimal().with("upstream.url", "warehouse:8080"), "at '/upstream/url'");
	}

	@Test
	void pollIntervalMustBeADuration() {
		assertRejectedBySchema(Values.minimal().with("policy.pollInterval", "five seconds"), "at '/policy/pollInterval'");
	}

	@Test
	void deviceCookieMaxAgeMustBeADuration() {
		assertThat(HelmChart.render(Values.minimal().with("deviceCookie.maxAge", "12h")).envValue("GUARD_DEVICE_COOKIE_MAX_AGE"))
			.isEqualTo("12h");
		assertRejectedBySchema(Values.minimal().with("deviceCookie.maxAge", "90 days"), "at '/deviceCookie/maxAge'");
		assertRejectedBySchema(Values.minimal().with("deviceCookie.maxAge", "0d"), "at '/deviceCookie/maxAge'");
		assertRejectedBySchema(Values.minimal().with("deviceCookie.maxAge", 30), "at '/deviceCookie/maxAge'");
	}

	@Test
	void deviceCookieKeyMustBeBase64OfAtLeast32Bytes() {
		// 32 bytes, padded and unpadded (the gateway's decoder takes both).
		String key32 = "7kOqmgfgjA2Hn0Pm2PI2KUnGFv1GvyBP90vYHPmRPuI=";
		assertThat(HelmChart.render(Values.minimal().with("deviceCookie.key", key32)).deployment()).isNotNull();
		assertThat(HelmChart.render(Values.minimal().with("deviceCookie.key", key32.replace("=", ""))).deployment())
			.isNotNull();
		// 24 bytes: too short for the gateway.
		assertRejectedBySchema(Values.minimal().with("deviceCookie.key", "a/11+5BbRh56W+7nUr4H7t3hQiHTQlC7"),
				"at '/deviceCookie/key'");
		// Long enough, but not base64 (URL-safe alphabet, spaces).
		String withSlash = "dYH6ZT1hka7LQ7vcj0hHJ/gf0kxp5hxci9dsSpxdh6Y=";
		assertThat(HelmChart.render(Values.minimal().with("deviceCookie.key", withSlash)).deployment()).isNotNull();
		assertRejectedBySchema(Values.minimal().with("deviceCookie.key", withSlash.replace('/', '_')),
				"at '/deviceCookie/key'");
		assertRejectedBySchema(Values.minimal().with("deviceCookie.key", "correct horse battery staple, twice over!!"),
				"at '/deviceCookie/key'");
	}

	@Test
	void gracePeriodMustOutlastThePreStopSleep() {
		assertThatThrownBy(() -> HelmChart.render(Values.minimal()
			.with("gracefulShutdown.preStopSleepSeconds", 30)
			.with("gracefulShutdown.terminationGracePeriodSeconds", 30)))
			.hasMessageContaining("terminationGracePeriodSeconds must be larger");
	}

	@Test
	void lintFailsWhenTheChartsOwnValuesBreakTheSchema(@TempDir Path temp) throws IOException {
		Path copy = temp.resolve("registry-guard");
		copyChart(HelmChart.directory(), copy);
		assertThat(HelmChart.lintStrict(copy).isFailed()).as("an unmodified copy lints clean").isFalse();
		Files.writeString(copy.resolve("values.yaml"),
				Files.readString(copy.resolve("values.yaml")).replace("replicaCount: 2", "replicaCount: two"));
		LintResult result = HelmChart.lintStrict(copy);
		assertThat(result.isFailed()).isTrue();
		assertThat(result.getMessages()).anyMatch((message) -> message.contains("replicaCount"));
	}

	static void assertRejectedBySchema(Values values, String complaint) {
		assertThatThrownBy(() -> HelmChart.render(values))
			.hasMessageContaining("values don't meet the specifications of the schema")
			.hasMessageContaining(complaint);
	}

	private static void copyChart(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path source : (Iterable<Path>) files::iterator) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target);
				}
			}
		}
	}

}
