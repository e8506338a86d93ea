package io.registryguard.helm;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's commands are the chart's own (release guard, namespace registry, as in the other tests). */
class ReadmeTests {

	private static String readme;

	@BeforeAll
	static void read() throws Exception {
		readme = Files.readString(HelmChart.directory().resolve("README.md"));
	}

	@Test
	void adminTokenIsReadWithTheSameCommandTheNotesPrint() {
		String notes = HelmChart.notes(Values.minimal());
		List<String> tokenLines = notes.lines().map(String::strip).filter((line) -> line.startsWith("TOKEN=$(")).toList();
		assertThat(tokenLines).hasSize(1);
		assertThat(readme).contains(tokenLines.get(0));
		String portForward = notes.lines()
			.map(String::strip)
			.filter((line) -> line.contains("port-forward svc/"))
			.findFirst()
			.orElseThrow();
		assertThat(readme).contains(portForward);
	}

	@Test
	void bothAdminCallsAreShownWithTheBearerToken() {
		assertThat(readme).contains("curl -H \"Authorization: Bearer $TOKEN\" http://localhost:9090/admin/blocks")
			.contains("curl -X POST -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json'")
			.contains("-d '{\"kind\":\"username\",\"value\":\"alice\"}' http://localhost:9090/admin/unlock");
	}

	@Test
	void deviceCookieSettingsAreDocumented() {
		assertThat(readme).contains("`deviceCookie.key` / `deviceCookie.existingSecret` | `GUARD_DEVICE_COOKIE_KEY`")
			.contains("`deviceCookie.maxAge` (`GUARD_DEVICE_COOKIE_MAX_AGE`, default `90d`)");
	}

	@Test
	void sentinelAndClusterAreNotOfferedAsWorkingModes() {
		assertThat(readme).contains("| `sentinel` | not supported yet: the install fails |")
			.contains("| `cluster` | not supported yet: the install fails |")
			.doesNotContain("redis.sentinel.master")
			.doesNotContain("redis.cluster.nodes");
	}

}
